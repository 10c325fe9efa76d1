import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { NotificationsPanel } from "@/components/notifications/notifications-panel";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageMember } from "@/server/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

export default async function NotificationsPage() {
  const member = await requirePageMember("notifications.own");
  return (
    <Suspense fallback={<Skeleton className="h-64" />}>
      <NotificationsPanel member={member} />
    </Suspense>
  );
}
