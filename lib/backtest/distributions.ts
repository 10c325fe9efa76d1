/** A point estimate with its standard error and the bounds of a confidence interval. */
export type Interval = { estimate: number; standardError: number; lo: number; hi: number };

// Acklam's rational approximation of the inverse normal CDF (relative error < 1.2e-9).
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

function polynomial(coefficients: readonly number[], x: number): number {
  return coefficients.reduce((sum, c) => sum * x + c, 0);
}

/** The standard normal quantile z with P(Z ≤ z) = p, for 0 < p < 1 (e.g. 0.975 → 1.95996). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return polynomial(C, q) / (polynomial(D, q) * q + 1);
  }
  if (p > 1 - P_LOW) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (polynomial(A, r) * q) / (polynomial(B, r) * r + 1);
}

/** The z of a two-sided interval: level 0.95 → 1.95996 (the normal quantile at (1 + level) / 2). */
export function twoSidedZ(level: number): number {
  assertLevel(level);
  return normalQuantile((1 + level) / 2);
}

/** The t of a two-sided interval with `df` degrees of freedom: level 0.95, df 3 → 3.18245. */
export function twoSidedT(level: number, df: number): number {
  assertLevel(level);
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`twoSidedT needs a whole df ≥ 1, got ${df}`);
  // Bisection on the exact integer-df CDF: slower than a series, but exact for the small df where it matters.
  let lo = 0;
  let hi = 1;
  while (studentTCentral(hi, df) < level) hi *= 2;
  for (let step = 0; step < 200 && hi - lo > 1e-12 * hi; step++) {
    const mid = (lo + hi) / 2;
    if (studentTCentral(mid, df) < level) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** P(|T| < t) for Student's t with a whole number of degrees of freedom (Abramowitz & Stegun 26.7.3–4). */
export function studentTCentral(t: number, df: number): number {
  const theta = Math.atan(Math.abs(t) / Math.sqrt(df));
  const sin = Math.sin(theta);
  const cos2 = Math.cos(theta) ** 2;
  let sum = 1;
  let term = 1;
  if (df % 2 === 0) {
    for (let k = 2; k <= df - 2; k += 2) {
      term *= (cos2 * (k - 1)) / k;
      sum += term;
    }
    return sin * sum;
  }
  if (df === 1) return (2 * theta) / Math.PI;
  for (let k = 3; k <= df - 2; k += 2) {
    term *= (cos2 * (k - 1)) / k;
    sum += term;
  }
  return (2 / Math.PI) * (theta + sin * Math.cos(theta) * sum);
}

function assertLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`a confidence level is between 0 and 1, got ${level}`);
}
