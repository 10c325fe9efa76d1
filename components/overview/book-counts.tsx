import { Stat } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { formatCents, formatNumber } from "@/lib/format";
import { getBookCounts } from "@/server/customers/book-counts";

export async function BookCounts() {
  const db = await readDb();
  const counts = await getBookCounts(db);
  return (
    <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Book counts">
      <Stat label="Customers" value={formatNumber(counts.customers)} hint="Everyone in the book, from first touch on" />
      <Stat label="Active" value={formatNumber(counts.active)} />
      <Stat label="Churned in the last 30 days" value={formatNumber(counts.churnedLast30Days)} />
      <Stat label="Monthly recurring revenue" value={formatCents(counts.mrrCents)} hint="Active customers" />
    </dl>
  );
}
