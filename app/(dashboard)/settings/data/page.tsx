import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ImportForm } from "@/components/settings/import-form";
import { requirePageMember } from "@/server/auth/session";
import { can } from "@/lib/permissions";

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("meta.data") };
}

export default async function DataPage() {
  const member = await requirePageMember("settings.read");
  const t = await getTranslations("settings");
  const today = new Date();
  const monthAgo = new Date(today);
  monthAgo.setUTCDate(monthAgo.getUTCDate() - 30);
  const control = "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm";
  return (
    <div className="space-y-6">
      {can(member.role, "settings.manage") ? (
        <Card title={t("data.importTitle")}>
          <p className="mb-3 text-sm text-slate-600">{t("data.importIntro")}</p>
          <ImportForm />
        </Card>
      ) : null}
      <Card title={t("data.exportTitle")}>
        <div className="space-y-4 text-sm">
          <p>
            <a href="/export/customers" className={buttonClass("secondary")} download>
              {t("data.customersCsv")}
            </a>
            <span className="ml-3 text-slate-600">{t("data.customersCsvHint")}</span>
          </p>
          <form
            method="get"
            action="/export/interactions"
            aria-label={t("data.exportInteractions")}
            className="flex flex-wrap items-end gap-3"
          >
            <label className="flex flex-col text-xs font-medium text-slate-600">
              {t("data.from")}
              <input
                type="date"
                name="from"
                defaultValue={monthAgo.toISOString().slice(0, 10)}
                required
                className={control}
              />
            </label>
            <label className="flex flex-col text-xs font-medium text-slate-600">
              {t("data.to")}
              <input
                type="date"
                name="to"
                defaultValue={today.toISOString().slice(0, 10)}
                required
                className={control}
              />
            </label>
            <button type="submit" className={buttonClass("secondary")}>
              {t("data.interactionsCsv")}
            </button>
          </form>
          <p className="text-slate-600">{t("data.exportNote")}</p>
        </div>
      </Card>
    </div>
  );
}
