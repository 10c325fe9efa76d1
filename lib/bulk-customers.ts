import { formatNumber } from "@/lib/format";

/** The most customers one bulk action changes: an outage on a few hundred fits, a slip on the whole book does not. */
export const BULK_CUSTOMER_LIMIT = 5_000;

/** The lists with a bulk bar; "all matching" reads that list's filters. */
export const BULK_LISTS = ["customers", "risk"] as const;
export type BulkList = (typeof BULK_LISTS)[number];

/** Said when a selection is larger than a bulk action takes: `count` ticked, or "more" than the limit match the filters. */
export function tooManyMessage(count: number | "more"): string {
  const limit = formatNumber(BULK_CUSTOMER_LIMIT);
  const what =
    count === "more"
      ? `More than ${limit} customers match these filters`
      : `${formatNumber(count)} customers are selected`;
  return `${what}; a bulk action takes at most ${limit} at a time. Narrow the filters and act in parts.`;
}
