import { z } from "zod";

export type SearchParams = Record<string, string | string[] | undefined>;

/** One value of a URL parameter; an empty field submitted by a GET form counts as absent. */
export function first(params: SearchParams, key: string): string | undefined {
  const value = params[key];
  const single = Array.isArray(value) ? value[0] : value;
  return single === "" ? undefined : single;
}

export function parseId(value: string | undefined): number | null {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? id : null;
}

/** Reads one URL parameter with a schema; anything unreadable falls back to the default. */
export function param<T>(params: SearchParams, key: string, schema: z.ZodType<T>, fallback: T): T {
  const parsed = schema.safeParse(first(params, key));
  return parsed.success ? parsed.data : fallback;
}

/** A URL for the same view with some parameters changed (undefined or "" removes one). */
export function withParams(path: string, params: SearchParams, changes: Record<string, string | number | undefined>): string {
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
