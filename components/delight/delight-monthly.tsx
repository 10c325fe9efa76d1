import { Card } from "@/components/ui/card";
import { getTranslations } from "next-intl/server";
import { readDb } from "@/server/reads/read-db";
import { getFormat } from "@/server/i18n/format";
import { getDelightMonthly } from "@/server/delight/queries";

/** How many delight moments each month of the last year, and what they cost. */
export async function DelightMonthly() {
  const db = await readDb();
  const [months, t, f] = await Promise.all([getDelightMonthly(db), getTranslations("delight.monthly"), getFormat()]);
  return (
    <Card title={t("title")}>
      {months.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <table className="w-full text-sm" aria-label={t("aria")}>
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-1 text-left">
                {t("month")}
              </th>
              <th scope="col" className="text-right">
                {t("moments")}
              </th>
              <th scope="col" className="text-right">
                {t("cost")}
              </th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month} className="border-t border-slate-100">
                <th scope="row" className="py-1 text-left font-normal">
                  {f.month(m.month)}
                </th>
                <td className="text-right tabular-nums">{f.number(m.moments)}</td>
                <td className="text-right tabular-nums">{f.money(m.costCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
