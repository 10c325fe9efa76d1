import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { formatCents, formatMonth } from "@/lib/format";
import { getDelightMonthly } from "@/server/delight/queries";

/** How many delight moments each month of the last year, and what they cost. */
export async function DelightMonthly() {
  const db = await readDb();
  const months = await getDelightMonthly(db);
  return (
    <Card title="Per month">
      {months.length === 0 ? (
        <p className="text-sm text-slate-600">No delight moments yet.</p>
      ) : (
        <table className="w-full text-sm" aria-label="Delight moments per month">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-1 text-left">
                Month
              </th>
              <th scope="col" className="text-right">
                Moments
              </th>
              <th scope="col" className="text-right">
                Cost
              </th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month} className="border-t border-slate-100">
                <th scope="row" className="py-1 text-left font-normal">
                  {formatMonth(m.month)}
                </th>
                <td className="text-right tabular-nums">{m.moments}</td>
                <td className="text-right tabular-nums">{formatCents(m.costCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
