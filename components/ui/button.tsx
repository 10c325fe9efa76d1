type Variant = "primary" | "secondary" | "ghost" | "danger" | "link";

const VARIANTS: Record<Variant, string> = {
  primary: "rounded-md px-3.5 py-2 bg-brand-600 text-white hover:bg-brand-700 disabled:bg-brand-600/60",
  secondary: "rounded-md px-3.5 py-2 border border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
  ghost: "rounded-md px-3.5 py-2 text-slate-700 hover:bg-slate-100",
  danger: "rounded-md px-3.5 py-2 bg-red-700 text-white hover:bg-red-800 disabled:bg-red-700/60",
  link: "text-brand-700 underline hover:text-brand-900",
};

/** The one button look, for <button> and for links that act as buttons. */
export function buttonClass(variant: Variant = "primary", extra = ""): string {
  return `inline-flex items-center justify-center gap-2 text-sm font-medium transition-colors disabled:cursor-not-allowed ${VARIANTS[variant]} ${extra}`;
}

/** A toggle in a row of choices (a journey model, a timeline filter, a role): filled when chosen. */
export function chipClass(active: boolean, extra = ""): string {
  return `inline-block rounded-full px-3 py-1 text-sm font-medium ${active ? "bg-brand-600 text-white" : "bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100"} ${extra}`;
}
