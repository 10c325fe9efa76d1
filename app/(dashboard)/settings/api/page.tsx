import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ApiReference } from "@/components/settings/api-reference";
import { ApiTokensCard } from "@/components/settings/api-tokens-card";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageMember } from "@/server/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("meta.api") };
}

export default async function ApiSettingsPage() {
  const member = await requirePageMember("settings.read");
  return (
    <div className="space-y-6">
      <Suspense fallback={<Skeleton className="h-48" />}>
        <ApiTokensCard member={member} />
      </Suspense>
      <ApiReference />
    </div>
  );
}
