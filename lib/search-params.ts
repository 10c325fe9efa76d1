import { z } from "zod";
import { type IdColumn, storable, toId } from "./validation/fields";

export type SearchParams = Record<string, string | string[] | undefined>;

/** One value of a URL parameter; an empty field submitted by a GET form counts as absent. */
export function first(params: SearchParams, key: string): string | undefined {
  const value = params[key];
  const single = Array.isArray(value) ? value[0] : value;
  return single === "" ? undefined : single;
}

/** An id in the URL: digits within what its column holds, or the parameter counts as absent (never an overflowing query). */
export const idParam = (column: IdColumn = "integer") =>
  z.string().transform((value, ctx) => toId(value, column, "Not an id.", ctx));

/** A page number: past 100,000 pages the offset would be nonsense (and past bigint, an error). */
export const pageParam = z.coerce.number().int().min(1).max(100_000);

/** Reads one URL parameter with a schema; anything unreadable falls back to the default. */
export function param<T>(params: SearchParams, key: string, schema: z.ZodType<T>, fallback: T): T {
  const parsed = schema.safeParse(first(params, key));
  return parsed.success ? parsed.data : fallback;
}

/** What was typed in a list's search box (`q`): trimmed, at most 200 characters; absent when empty or unreadable. */
export function searchText(params: SearchParams): string | undefined {
  return param(params, "q", storable(z.string().trim().max(200)).optional(), undefined) || undefined;
}

/** A URL for the same view with some parameters changed (undefined or "" removes one). */
export function withParams(
  path: string,
  params: SearchParams,
  changes: Record<string, string | number | undefined>,
): string {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const single = Array.isArray(value) ? value[0] : value;
    if (single !== undefined && single !== "") next.set(key, single);
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === "") next.delete(key);
    else next.set(key, String(value));
  }
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * The owner a list is narrowed to by `?owner=`: "mine" (the member), "all" (everyone) or a
 * member's id. Without the parameter, `fallback` decides (a CSM's risk list starts with their own).
 */
export function ownerIdParam(
  params: SearchParams,
  memberId: number,
  fallback: "mine" | "all" = "all",
): number | undefined {
  const owner = first(params, "owner") ?? fallback;
  if (owner === "mine") return memberId;
  if (owner === "all") return undefined;
  return param(params, "owner", idParam().optional(), undefined);
}

type StageRange = { id: number; fromMilestone: number; toMilestone: number };

/** The milestone range of the stage chosen by `?stage=` (a stage id of any model), if it is one. */
export function stageRangeParam(
  params: SearchParams,
  stages: readonly StageRange[],
): { from: number; to: number } | undefined {
  const stageId = param(params, "stage", idParam("smallint").optional(), undefined);
  const stage = stages.find((s) => s.id === stageId);
  return stage ? { from: stage.fromMilestone, to: stage.toMilestone } : undefined;
}
