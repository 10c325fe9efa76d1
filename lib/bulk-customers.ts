/** The most customers one bulk action changes: an outage on a few hundred fits, a slip on the whole book does not. */
export const BULK_CUSTOMER_LIMIT = 5_000;

/** The lists with a bulk bar; "all matching" reads that list's filters. */
export const BULK_LISTS = ["customers", "risk"] as const;
export type BulkList = (typeof BULK_LISTS)[number];
