/**
 * Stage colours in journey order from one sequential, colour-blind-safe scale (viridis, stopped
 * before its greens and yellows so every bar keeps 3:1 against a white card), with the label colour that
 * reads best on each.
 */
const VIRIDIS = [
  [68, 1, 84],
  [72, 36, 117],
  [65, 68, 135],
  [53, 95, 141],
  [42, 120, 142],
  [33, 145, 140],
  [34, 168, 132],
] as const;

export type StageColour = { fill: string; text: string };

const hex = (rgb: readonly number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;

function luminance(rgb: readonly number[]): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours. */
export function contrast(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function sample(t: number): number[] {
  const position = t * (VIRIDIS.length - 1);
  const low = Math.floor(position);
  const high = Math.min(VIRIDIS.length - 1, low + 1);
  const share = position - low;
  return VIRIDIS[low].map((c, i) => c + (VIRIDIS[high][i] - c) * share);
}

const WHITE = [255, 255, 255];
const INK = [0, 0, 0];

/** `count` colours from the darkest (the first stage) to the lightest (the last). */
export function stageColours(count: number): StageColour[] {
  return Array.from({ length: count }, (_, i) => {
    const rgb = sample(count === 1 ? 0 : (i / (count - 1)) * 0.97);
    return { fill: hex(rgb), text: contrast(rgb, WHITE) >= contrast(rgb, INK) ? "#ffffff" : hex(INK) };
  });
}

/** The ink and lines every chart shares: CSS variables (app/globals.css) so charts follow light and dark. */
export const CHART = {
  grid: "var(--chart-grid)",
  axis: "var(--chart-axis)",
  line: "var(--chart-line)",
  zero: "var(--chart-zero)",
  delight: "var(--chart-delight)",
  gain: "var(--chart-gain)",
  loss: "var(--chart-loss)",
  total: "var(--chart-total)",
  cursor: "var(--chart-cursor)",
};
