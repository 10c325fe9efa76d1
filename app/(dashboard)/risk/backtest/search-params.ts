import { z } from "zod";
import { param, type SearchParams } from "@/lib/search-params";
import { HORIZONS, type Horizon } from "@/lib/backtest/horizons";

export type BacktestView = { horizonDays: Horizon; includeProxies: boolean; versionNumber?: number };

const horizon = z.coerce
  .number()
  .int()
  .refine((n): n is Horizon => (HORIZONS as readonly number[]).includes(n));

/** Which horizon, whether outcome proxies count, and which version (the live one by default), from the URL. */
export function readBacktestView(params: SearchParams): BacktestView {
  return {
    horizonDays: param(params, "horizon", horizon, 90) as Horizon,
    includeProxies: param(params, "proxies", z.enum(["on"]).optional(), undefined) === "on",
    versionNumber: param(params, "version", z.coerce.number().int().min(1).max(1_000_000).optional(), undefined),
  };
}
