/**
 * A fitted logistic score over standardised features: log-odds = intercept + Σ coefficientⱼ · (xⱼ − meanⱼ) / scaleⱼ.
 * `intercept` is the log-odds of a customer at the training means; `coefficients` are per standard deviation.
 */
export type LogisticModel = {
  intercept: number;
  coefficients: number[];
  means: number[];
  scales: number[];
  iterations: number;
  converged: boolean;
};

export type FitOptions = {
  /** Ridge penalty λ in −log-likelihood + λ/2 · Σ coefficient² (standardised units; the intercept is free). */
  l2?: number;
  iterations?: number;
  /** Stop when no parameter moves by more than this in one Newton step. */
  tolerance?: number;
};

/**
 * Fits L2-regularised logistic regression by Newton–Raphson (IRLS) on standardised features
 * (population mean and standard deviation of the rows); a constant feature gets scale 1 and coefficient 0.
 */
export function fitLogistic(
  rows: readonly (readonly number[])[],
  outcomes: readonly boolean[],
  { l2 = 1, iterations = 100, tolerance = 1e-9 }: FitOptions = {},
): LogisticModel {
  const width = assertDesign(rows, outcomes);
  if (!(l2 >= 0 && Number.isFinite(l2))) throw new RangeError(`l2 is a finite number ≥ 0, got ${l2}`);
  const positives = outcomes.filter(Boolean).length;
  // With one class only the maximum-likelihood intercept is ±∞: there is nothing to fit.
  if (positives === 0 || positives === outcomes.length) {
    throw new RangeError("fitting needs both churned and retained customers");
  }
  const { means, scales, varying } = standardisation(rows, width);
  const design = rows.map((row) => [1, ...varying.map((j) => (row[j] - means[j]) / scales[j])]);
  const y = outcomes.map((o) => (o ? 1 : 0));
  const size = varying.length + 1;
  const penalty = (k: number) => (k === 0 ? 0 : l2);

  let beta = new Array<number>(size).fill(0);
  beta[0] = Math.log(positives / (outcomes.length - positives));
  let objective = penalisedLogLikelihood(design, y, beta, l2);
  let converged = false;
  let iteration = 0;
  while (iteration < iterations && !converged) {
    iteration++;
    const gradient = beta.map((b, k) => -penalty(k) * b);
    const hessian = Array.from({ length: size }, (_, k) =>
      Array.from({ length: size }, (_, m) => (k === m ? penalty(k) : 0)),
    );
    design.forEach((z, i) => {
      const p = sigmoid(dot(z, beta));
      const w = p * (1 - p);
      for (let k = 0; k < size; k++) {
        gradient[k] += z[k] * (y[i] - p);
        for (let m = 0; m < size; m++) hessian[k][m] += w * z[k] * z[m];
      }
    });
    const step = solve(hessian, gradient);
    if (step === null) {
      // At the start every weight is equal, so a singular system means collinear features; later it means
      // the probabilities reached 0 or 1 (perfect separation), and the fit stops unconverged.
      if (iteration === 1) {
        throw new RangeError("the features are collinear (one is a combination of others); use l2 > 0 or drop one");
      }
      break;
    }
    // Step halving keeps each iteration an improvement when a full Newton step overshoots (near separation).
    let fraction = 1;
    let candidate = beta.map((b, k) => b + step[k]);
    let candidateObjective = penalisedLogLikelihood(design, y, candidate, l2);
    while (candidateObjective < objective && fraction > 1e-6) {
      fraction /= 2;
      candidate = beta.map((b, k) => b + fraction * step[k]);
      candidateObjective = penalisedLogLikelihood(design, y, candidate, l2);
    }
    converged = Math.max(...step.map((s) => Math.abs(fraction * s))) < tolerance;
    beta = candidate;
    objective = candidateObjective;
  }

  const coefficients = new Array<number>(width).fill(0);
  varying.forEach((j, k) => {
    coefficients[j] = beta[k + 1];
  });
  return { intercept: beta[0], coefficients, means, scales, iterations: iteration, converged };
}

/** The predicted probability of churn: 1 / (1 + e^−(intercept + Σ contributions)). */
export function predictLogistic(model: LogisticModel, row: readonly number[]): number {
  return sigmoid(model.intercept + logitContributions(model, row).reduce((sum, c) => sum + c, 0));
}

/** Each feature's part of the log-odds against a customer at the means: coefficientⱼ · (xⱼ − meanⱼ) / scaleⱼ. */
export function logitContributions(model: LogisticModel, row: readonly number[]): number[] {
  if (row.length !== model.coefficients.length) {
    throw new RangeError(`the model has ${model.coefficients.length} features, the row ${row.length}`);
  }
  return model.coefficients.map((c, j) => (c * (row[j] - model.means[j])) / model.scales[j]);
}

/**
 * The same model per one raw unit of each feature: perUnitⱼ = coefficientⱼ / scaleⱼ and
 * intercept = log-odds at all-zero features, so log-odds = intercept + Σ perUnitⱼ · xⱼ.
 */
export function coefficientsInRawUnits(model: LogisticModel): { intercept: number; perUnit: number[] } {
  const perUnit = model.coefficients.map((c, j) => c / model.scales[j]);
  const intercept = model.intercept - perUnit.reduce((sum, u, j) => sum + u * model.means[j], 0);
  return { intercept, perUnit };
}

/**
 * A sentence such as "In this model, each week of silence adds +0.31 to the log-odds of churn (odds ×1.36),
 * other features held equal."; effects under 0.01 are shown to two significant digits.
 */
export function describeEffect(name: string, perUnit: number, unitLabel: string): string {
  if (!Number.isFinite(perUnit)) throw new RangeError(`an effect is a finite number, got ${perUnit}`);
  const subject = `each ${unitLabel} of ${name}`;
  if (perUnit === 0) return `In this model, ${subject} makes no difference to the odds of churn.`;
  const size = Math.abs(perUnit);
  const decimals = size >= 0.01 ? 2 : Math.min(12, 1 - Math.floor(Math.log10(size)));
  const change = perUnit > 0 ? `adds +${size.toFixed(decimals)} to` : `takes ${size.toFixed(decimals)} off`;
  const odds = Math.exp(perUnit).toFixed(decimals);
  return `In this model, ${subject} ${change} the log-odds of churn (odds ×${odds}), other features held equal.`;
}

function standardisation(rows: readonly (readonly number[])[], width: number) {
  const n = rows.length;
  const means: number[] = [];
  const scales: number[] = [];
  const varying: number[] = [];
  for (let j = 0; j < width; j++) {
    const mean = rows.reduce((sum, row) => sum + row[j], 0) / n;
    const deviation = Math.sqrt(rows.reduce((sum, row) => sum + (row[j] - mean) ** 2, 0) / n);
    // Relative cut-off: summing a constant column leaves rounding noise of about 1e-16 · |mean|.
    const constant = deviation <= 1e-12 * Math.max(1, Math.abs(mean));
    means.push(mean);
    scales.push(constant ? 1 : deviation);
    if (!constant) varying.push(j);
  }
  return { means, scales, varying };
}

function penalisedLogLikelihood(design: number[][], y: number[], beta: number[], l2: number): number {
  let total = 0;
  design.forEach((z, i) => {
    const eta = dot(z, beta);
    total += y[i] * eta - softplus(eta);
  });
  for (let k = 1; k < beta.length; k++) total -= (l2 / 2) * beta[k] ** 2;
  return total;
}

/** Solves A·x = b by Gaussian elimination with partial pivoting; null when A is (numerically) singular. */
function solve(matrix: readonly number[][], rhs: readonly number[]): number[] | null {
  const size = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]]);
  const largest = Math.max(...matrix.map((row, i) => Math.abs(row[i])));
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (!(Math.abs(a[pivot][col]) > 1e-10 * largest)) return null;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = col + 1; r < size; r++) {
      const factor = a[r][col] / a[col][col];
      for (let c = col; c <= size; c++) a[r][c] -= factor * a[col][c];
    }
  }
  const x = new Array<number>(size).fill(0);
  for (let r = size - 1; r >= 0; r--) {
    let sum = a[r][size];
    for (let c = r + 1; c < size; c++) sum -= a[r][c] * x[c];
    x[r] = sum / a[r][r];
  }
  return x;
}

function assertDesign(rows: readonly (readonly number[])[], outcomes: readonly boolean[]): number {
  if (rows.length !== outcomes.length)
    throw new RangeError(`rows has ${rows.length} entries, outcomes ${outcomes.length}`);
  if (rows.length === 0) throw new RangeError("fitting needs at least one row");
  const width = rows[0].length;
  for (const row of rows) {
    if (row.length !== width) throw new RangeError(`every row needs ${width} features, one has ${row.length}`);
    if (!row.every(Number.isFinite)) throw new RangeError("a feature value is not a finite number");
  }
  return width;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += a[k] * b[k];
  return sum;
}

function sigmoid(eta: number): number {
  if (eta >= 0) return 1 / (1 + Math.exp(-eta));
  const e = Math.exp(eta);
  return e / (1 + e);
}

/** log(1 + e^η) without overflow for large |η|. */
function softplus(eta: number): number {
  return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
}
