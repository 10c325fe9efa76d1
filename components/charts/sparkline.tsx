/** A tiny inline SVG line: light enough for one per row on a list (no chart library needed). */
export function Sparkline({
  values,
  label,
  width = 96,
  height = 28,
}: {
  values: number[];
  label: string;
  width?: number;
  height?: number;
}) {
  if (values.length < 2) return null;
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const span = max - min || 1;
  const x = (i: number) => (i / (values.length - 1)) * width;
  const y = (v: number) => height - ((v - min) / span) * height;
  // Whole pixels: a 96-pixel line needs no finer points, and a list of 25 stays small.
  const points = values.map((v, i) => `${Math.round(x(i))},${Math.round(y(v))}`).join(" ");
  const last = values[values.length - 1];
  return (
    <svg
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className="overflow-visible"
    >
      <line x1={0} x2={width} y1={y(0)} y2={y(0)} stroke="#cbd5e1" strokeDasharray="2 2" />
      <polyline points={points} fill="none" stroke={last < 0 ? "#b91c1c" : "#047857"} strokeWidth={1.5} />
    </svg>
  );
}
