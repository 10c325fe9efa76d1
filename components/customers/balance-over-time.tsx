import { BalanceChart } from "@/components/charts/lazy";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import type { CustomerRow } from "@/server/customers/queries";
import { getBalanceHistory } from "@/server/ledger/balance-history";
import { getSettings } from "@/server/settings/queries";

/** The customer's balance over the last 90 days, with delight moments and milestone changes marked. */
export async function BalanceOverTime({ row }: { row: CustomerRow }) {
  const db = await readDb();
  const { ledger } = await getSettings(db, ["ledger"]);
  const history = await getBalanceHistory(db, { customer: row.customer, halfLives: ledger });
  // A line flat at zero says nothing a sentence does not say better.
  if (history.points.every((point) => Math.abs(point.balance) < 0.05))
    return (
      <Card title="Balance over the last 90 days">
        <p className="text-sm text-slate-600" data-testid="balance-empty">
          The balance has stayed at 0 for the last 90 days: nothing to draw. Credits and debits you log below show here;
          milestone changes are on the timeline.
        </p>
      </Card>
    );
  return (
    <Card title="Balance over the last 90 days">
      <BalanceChart points={history.points} markers={history.markers} />
      <p className="mt-2 text-xs text-slate-500">
        Dots: <span className="text-fuchsia-700">delight moments</span>,{" "}
        <span className="text-brand-700">milestone changes</span>.
      </p>
    </Card>
  );
}
