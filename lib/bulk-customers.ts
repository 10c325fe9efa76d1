import type { useTranslations } from "next-intl";
import { createTranslator } from "use-intl/core";
import { type Format, plainFormat } from "@/lib/format";
import enCustomers from "@/messages/en/customers.json";

/** The most customers one bulk action changes: an outage on a few hundred fits, a slip on the whole book does not. */
export const BULK_CUSTOMER_LIMIT = 5_000;

/** The lists with a bulk bar; "all matching" reads that list's filters. */
export const BULK_LISTS = ["customers", "risk"] as const;
export type BulkList = (typeof BULK_LISTS)[number];

/** The "customers" namespace's translator: `useTranslations("customers")` or `getTranslations("customers")`. */
type CustomersT = ReturnType<typeof useTranslations<"customers">>;

/**
 * Said when a selection is larger than a bulk action takes: `count` ticked, or "more" than the limit match the filters.
 * In the reader's language with their `t` and `f`; without them in English (the API, logs).
 */
export function tooManyMessage(count: number | "more", t?: CustomersT, f: Format = plainFormat): string {
  const say = t ?? createTranslator({ locale: "en", messages: { customers: enCustomers }, namespace: "customers" });
  const limit = f.number(BULK_CUSTOMER_LIMIT);
  return count === "more"
    ? say("bulk.tooMany.more", { limit })
    : say("bulk.tooMany.selected", { count: f.number(count), limit });
}
