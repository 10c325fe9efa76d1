import { Link } from "@/components/ui/link";
import { readDb } from "@/server/reads/read-db";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getSettings } from "@/server/settings/queries";
import { can } from "@/lib/permissions";
import { requirePageMember } from "@/server/auth/session";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/server/i18n/format";

export async function generateMetadata() {
  const t = await getTranslations("risk.how");
  return { title: t("metaTitle") };
}

export default async function HowRiskIsComputed() {
  const db = await readDb();
  const member = await requirePageMember();
  const [{ ledger, risk }, t, f] = await Promise.all([
    getSettings(db, ["ledger", "risk"]),
    getTranslations("risk.how"),
    getFormat(),
  ]);
  const code = "block overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100";
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid max-w-3xl gap-4">
        <Card title={t("balance.title")}>
          <p className="text-sm text-slate-700">{t("balance.intro")}</p>
          <code className={`${code} mt-2`}>{t("balance.formula")}</code>
          <p className="mt-2 text-sm text-slate-700">
            {t.rich("balance.halfLives", {
              credit: ledger.creditHalfLifeDays,
              debt: ledger.debtHalfLifeDays,
              strong,
            })}
          </p>
        </Card>
        <Card title={t("risk.title")}>
          <code className={code}>
            {t("risk.formula", {
              debt: risk.debtWeight,
              trend: risk.trendWeight,
              silence: risk.silenceWeight,
              fatigue: risk.fatigueWeight,
            })}
          </code>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
            <li>{t.rich("risk.debt", { strong })}</li>
            <li>{t.rich("risk.fall", { strong })}</li>
            <li>{t.rich("risk.silence", { days: risk.silenceDays, strong })}</li>
            <li>{t.rich("risk.fatigued", { contacts: risk.fatigueContacts, days: risk.fatigueWindowDays, strong })}</li>
            <li>
              {t.rich("risk.thresholds", {
                score: risk.atRiskScore,
                mrr: f.money(risk.executiveMrrCents),
                strong,
              })}
            </li>
          </ul>
          <p className="mt-2 text-sm text-slate-600">{t("risk.updated")}</p>
        </Card>
        <p className="text-sm text-slate-600">
          {t.rich("admins", {
            settings: (chunks) =>
              can(member.role, "settings.read") ? (
                <Link href="/settings/scoring" className="font-medium text-brand-700 underline">
                  {chunks}
                </Link>
              ) : (
                chunks
              ),
            code: (chunks) => <code>{chunks}</code>,
          })}
        </p>
      </div>
    </>
  );
}
