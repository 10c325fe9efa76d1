import { getTranslations } from "next-intl/server";
import { BalanceChart } from "@/components/charts/lazy";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import type { CustomerRow } from "@/server/customers/queries";
import { getBalanceHistory } from "@/server/ledger/balance-history";
import { getSettings } from "@/server/settings/queries";

/** The customer's balance over the last 90 days, with delight moments and milestone changes marked. */
export async function BalanceOverTime({ row }: { row: CustomerRow }) {
  const db = await readDb();
  const [{ ledger }, t] = await Promise.all([getSettings(db, ["ledger"]), getTranslations("customers.balance")]);
  const history = await getBalanceHistory(db, { customer: row.customer, halfLives: ledger });
  // A line flat at zero says nothing a sentence does not say better.
  if (history.points.every((point) => Math.abs(point.balance) < 0.05))
    return (
      <Card title={t("overTime")}>
        <p className="text-sm text-slate-600" data-testid="balance-empty">
          {t("flat")}
        </p>
      </Card>
    );
  return (
    <Card title={t("overTime")}>
      <BalanceChart points={history.points} markers={history.markers} />
      <p className="mt-2 text-xs text-slate-500">
        {t.rich("legend", {
          delight: (chunks) => <span className="text-fuchsia-700">{chunks}</span>,
          milestone: (chunks) => <span className="text-brand-700">{chunks}</span>,
        })}
      </p>
    </Card>
  );
}
