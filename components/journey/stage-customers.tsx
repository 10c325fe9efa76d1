import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { readDb } from "@/server/reads/read-db";
import { formatCents } from "@/lib/format";
import { type JourneyFilters, stageFlag } from "@/lib/journey/filters";
import { milestoneLabel } from "@/lib/journey/models";
import { type SearchParams, withParams } from "@/lib/search-params";
import type { JourneyModelWithStages } from "@/server/journey/models";
import { getStageCustomers } from "@/server/journey/stats";

/** The customers now in one stage, a page at a time, with how long each has been there against the target. */
export async function StageCustomers({
  model,
  stageId,
  filters,
  page,
  params,
}: {
  model: JourneyModelWithStages;
  stageId: number;
  filters: JourneyFilters;
  page: number;
  params: SearchParams;
}) {
  const db = await readDb();
  const stage = model.stages.find((s) => s.id === stageId);
  if (!stage) return null;
  const { rows, total } = await getStageCustomers(db, { stage, filters, page });
  const flagStyle = { on_track: "text-emerald-700", behind: "text-amber-700", stuck: "text-red-700" } as const;
  const flagLabel = { on_track: "on track", behind: "behind", stuck: "stuck" } as const;
  return (
    <Card
      title={`In ${stage.name} now (target ${stage.targetDays} days)`}
      action={
        <Link
          href={withParams("/journey", params, { stage: undefined, page: undefined })}
          className="text-sm text-slate-600 underline"
        >
          Close
        </Link>
      }
    >
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">Nobody is in this stage.</p>
      ) : (
        <table className="w-full text-left text-sm" aria-label={`Customers in ${stage.name}`}>
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-1">
                Customer
              </th>
              <th scope="col">Milestone</th>
              <th scope="col">Owner</th>
              <th scope="col" className="text-right">
                MRR
              </th>
              <th scope="col" className="text-right">
                Days in stage
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const flag = row.daysInStage === null ? null : stageFlag(row.daysInStage, stage.targetDays);
              return (
                <tr key={row.id} className="border-t border-slate-100">
                  <td className="py-1.5">
                    <Link href={`/customers/${row.id}`} className="font-medium text-brand-700 hover:underline">
                      {row.name}
                    </Link>{" "}
                    <span className="text-xs text-slate-500">{row.company}</span>
                  </td>
                  <td>{milestoneLabel(row.milestone)}</td>
                  <td>{row.ownerName ?? "—"}</td>
                  <td className="text-right tabular-nums">{formatCents(row.mrrCents)}</td>
                  <td className="text-right tabular-nums">
                    {row.daysInStage ?? "—"}{" "}
                    {flag ? (
                      <span className={`ml-1 text-xs font-medium ${flagStyle[flag]}`}>{flagLabel[flag]}</span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pagination
        page={page}
        pageSize={25}
        total={total}
        noun={{ one: "customer", many: "customers" }}
        hrefFor={(p) => withParams("/journey", params, { page: p })}
      />
    </Card>
  );
}
