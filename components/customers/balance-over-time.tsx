import { BalanceChart } from "@/components/charts/lazy";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import type { CustomerRow } from "@/server/customers/queries";
import { getBalanceHistory } from "@/server/ledger/balance-history";
import { getSettings } from "@/server/settings/queries";

/** The customer's balance over the last 90 days, with delight moments and milestone changes marked. */
export async function BalanceOverTime({ row }: { row: CustomerRow }) {
  const { ledger } = await getSettings(db, ["ledger"]);
  const history = await getBalanceHistory(db, { customer: row.customer, halfLives: ledger });
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
