import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { BalanceBadge } from "@/components/customers/balance-badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { daysSince } from "@/lib/dates";
import type { Format } from "@/lib/format";
import { modelName, stageName } from "@/lib/i18n/journey-labels";
import { milestoneLabel } from "@/lib/i18n/labels";
import { stageForMilestone } from "@/lib/journey/models";
import { can, type SessionMember } from "@/lib/permissions";
import { PLAN_LABELS } from "@/lib/plans";
import type { CustomerRow } from "@/server/customers/queries";
import { getJourneyModels } from "@/server/journey/models";
import { getSettings } from "@/server/settings/queries";
import { getFormat } from "@/server/i18n/format";

type RiskT = Awaited<ReturnType<typeof getTranslations<"customers.header.riskNote">>>;

function riskNote(row: CustomerRow, silenceDays: number, t: RiskT, f: Format): string {
  const { customer } = row;
  if (customer.status === "churned") return t("churned");
  const silent = daysSince(customer.lastInboundAt);
  const notes = [t("score", { score: f.decimal(customer.riskScore) })];
  if (row.balance < 0) notes.push(t("inDebt"));
  if (customer.convertedAt && silent !== null && silent > silenceDays) notes.push(t("silent", { days: silent }));
  if (customer.fatigued) notes.push(t("fatigued"));
  return notes.join(t("separator"));
}

/** Who the customer is and where they stand: plan, MRR, owner, balance, risk and the stage in every model. */
export async function CustomerHeader({ row, member }: { row: CustomerRow; member: SessionMember }) {
  const db = await readDb();
  const [models, { risk }, t, tRisk, tl, tj, f] = await Promise.all([
    getJourneyModels(db),
    getSettings(db, ["risk"]),
    getTranslations("customers.header"),
    getTranslations("customers.header.riskNote"),
    getTranslations("labels"),
    getTranslations("journey"),
    getFormat(),
  ]);
  const { customer } = row;
  return (
    <Card>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{customer.name}</h1>
          <p className="text-sm text-slate-600">{[customer.company, customer.email].filter(Boolean).join(" · ")}</p>
        </div>
        <div className="flex gap-2">
          {can(member.role, "delight.write") ? (
            <Link href={`/delight/new?customer=${customer.id}`} className={buttonClass("secondary")}>
              {t("logDelight")}
            </Link>
          ) : null}
          {can(member.role, "advocacy.write") ? (
            <Link href={`/advocates/${customer.id}`} className={buttonClass("secondary")}>
              {t("advocacy")}
            </Link>
          ) : null}
          {can(member.role, "customers.write") ? (
            <Link href={`/customers/${customer.id}/edit`} className={buttonClass("secondary")}>
              {t("edit")}
            </Link>
          ) : null}
        </div>
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-4 text-sm sm:grid-cols-4 lg:grid-cols-6">
        <div>
          <dt className="text-slate-500">{t("plan")}</dt>
          <dd className="font-medium">{PLAN_LABELS[customer.plan as keyof typeof PLAN_LABELS] ?? customer.plan}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("mrr")}</dt>
          <dd className="font-medium tabular-nums">{f.money(customer.mrrCents)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("owner")}</dt>
          <dd className="font-medium">{row.ownerName ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("status")}</dt>
          <dd className="font-medium">
            {customer.status === "churned" ? (
              <span className="text-red-700">
                {t("churnedOn", { date: f.date(customer.churnedAt) })}
                {customer.churnReason ? ` — ${customer.churnReason}` : ""}
              </span>
            ) : (
              tl("customerStatus.active")
            )}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("balance")}</dt>
          <dd data-testid="customer-balance">
            <BalanceBadge balance={row.balance} />
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("risk")}</dt>
          <dd className="font-medium" data-testid="customer-risk">
            {riskNote(row, risk.silenceDays, tRisk, f)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("milestone")}</dt>
          <dd className="font-medium">
            {customer.milestone} · {milestoneLabel(tl, customer.milestone)}
          </dd>
        </div>
        {models.map((model) => {
          const stage = stageForMilestone(model.stages, customer.milestone);
          return (
            <div key={model.id}>
              <dt className="text-slate-500">{modelName(tj, model)}</dt>
              <dd className="font-medium">{stage ? stageName(tj, model, stage) : "—"}</dd>
            </div>
          );
        })}
        <div>
          <dt className="text-slate-500">{t("signedUp")}</dt>
          <dd className="font-medium">{f.date(customer.signedUpAt)}</dd>
        </div>
        {row.referrerName && customer.referredById ? (
          <div>
            <dt className="text-slate-500">{t("referredBy")}</dt>
            <dd>
              <Link className="font-medium text-brand-700 underline" href={`/customers/${customer.referredById}`}>
                {row.referrerName}
              </Link>
            </dd>
          </div>
        ) : null}
      </dl>
    </Card>
  );
}
