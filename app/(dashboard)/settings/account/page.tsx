import { getTranslations } from "next-intl/server";
import { ChangePasswordForm, TwoFactorSettings } from "@/components/account/account-forms";
import { Card } from "@/components/ui/card";
import { PreferencesCard } from "@/components/account/preferences-card";
import { readDb } from "@/server/reads/read-db";
import { first, type SearchParams } from "@/lib/search-params";
import { hasTwoFactor } from "@/server/auth/second-factor";
import { requirePageMember } from "@/server/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = await readDb();
  const member = await requirePageMember("account.own", { twoFactorSetup: true });
  const [params, twoFactor, t] = await Promise.all([
    searchParams,
    hasTwoFactor(db, member.id),
    getTranslations("account"),
  ]);
  const required = first(params, "required") === "two-factor" && !twoFactor;
  return (
    <div className="space-y-6">
      {first(params, "changed") === "password" ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("passwordChanged")}
        </p>
      ) : null}
      {required ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("twoFactorRequired")}
        </p>
      ) : null}
      <PreferencesCard />
      <Card title={t("password.title")}>
        <p className="mb-3 text-sm text-slate-600">{t("password.intro", { name: member.name, email: member.email })}</p>
        <ChangePasswordForm />
      </Card>
      <Card title={t("twoFactor.title")}>
        <p className="mb-3 text-sm text-slate-600">{twoFactor ? t("twoFactor.isOn") : t("twoFactor.isOff")}</p>
        <TwoFactorSettings enabled={twoFactor} />
      </Card>
    </div>
  );
}
