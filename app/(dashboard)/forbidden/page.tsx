import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageMember } from "@/server/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("common.forbidden");
  return { title: t("title") };
}

export default async function ForbiddenPage() {
  const member = await requirePageMember();
  const t = await getTranslations("common.forbidden");
  return (
    <EmptyState title={t("title")}>
      <p>
        {t.rich("body", {
          role: member.role,
          link: (chunks) => (
            <Link href="/" className="font-medium text-brand-700 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </EmptyState>
  );
}
