import { getTranslations } from "next-intl/server";
import { Stat } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { getFormat } from "@/server/i18n/format";
import { getBookCounts } from "@/server/customers/book-counts";

export async function BookCounts() {
  const db = await readDb();
  const [counts, t, f] = await Promise.all([getBookCounts(db), getTranslations("overview.bookCounts"), getFormat()]);
  return (
    <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label={t("label")}>
      <Stat label={t("customers")} value={f.number(counts.customers)} hint={t("customersHint")} />
      <Stat label={t("active")} value={f.number(counts.active)} />
      <Stat label={t("churnedLast30Days")} value={f.number(counts.churnedLast30Days)} />
      <Stat label={t("mrr")} value={f.money(counts.mrrCents)} hint={t("mrrHint")} />
    </dl>
  );
}
