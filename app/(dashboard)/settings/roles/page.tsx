import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { RoleCatalog } from "@/components/settings/role-catalog";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageMember } from "@/server/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("meta.roles") };
}

export default async function RolesPage() {
  const member = await requirePageMember("settings.read");
  return (
    <Suspense fallback={<Skeleton className="h-64" />}>
      <RoleCatalog member={member} />
    </Suspense>
  );
}
