import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { readDb } from "@/server/reads/read-db";
import { getFormat } from "@/server/i18n/format";
import { stageName } from "@/lib/i18n/journey-labels";
import { milestoneLabel } from "@/lib/i18n/labels";
import { type JourneyFilters, stageFlag } from "@/lib/journey/filters";
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
  const [{ rows, total }, t, tj, tl, f] = await Promise.all([
    getStageCustomers(db, { stage, filters, page }),
    getTranslations("journey.stageCustomers"),
    getTranslations("journey"),
    getTranslations("labels"),
    getFormat(),
  ]);
  const flagStyle = { on_track: "text-emerald-700", behind: "text-amber-700", stuck: "text-red-700" } as const;
  const name = stageName(tj, model, stage);
  return (
    <Card
      title={t("title", { stage: name, days: stage.targetDays })}
      action={
        <Link
          href={withParams("/journey", params, { stage: undefined, page: undefined })}
          className="text-sm text-slate-600 underline"
        >
          {t("close")}
        </Link>
      }
    >
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <table className="w-full text-left text-sm" aria-label={t("tableLabel", { stage: name })}>
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-1">
                {t("customer")}
              </th>
              <th scope="col">{t("milestone")}</th>
              <th scope="col">{t("owner")}</th>
              <th scope="col" className="text-right">
                {t("mrr")}
              </th>
              <th scope="col" className="text-right">
                {t("daysInStage")}
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
                  <td>{milestoneLabel(tl, row.milestone)}</td>
                  <td>{row.ownerName ?? "—"}</td>
                  <td className="text-right tabular-nums">{f.money(row.mrrCents)}</td>
                  <td className="text-right tabular-nums">
                    {row.daysInStage === null ? "—" : f.number(row.daysInStage)}{" "}
                    {flag ? (
                      <span className={`ml-1 text-xs font-medium ${flagStyle[flag]}`}>{t(`flags.${flag}`)}</span>
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
        counted={(count, number) => t("counted", { count, number })}
        hrefFor={(p) => withParams("/journey", params, { page: p })}
      />
    </Card>
  );
}
