/** The horizons a backtest looks ahead over, in days after the cutoff. */
export const HORIZONS = [30, 60, 90] as const;
export type Horizon = (typeof HORIZONS)[number];
