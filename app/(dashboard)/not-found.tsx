import { useTranslations } from "next-intl";
import { Link } from "@/components/ui/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function DashboardNotFound() {
  const t = useTranslations("common.notFound");
  return (
    <EmptyState title={t("dashboardTitle")}>
      <p>
        {t.rich("dashboardBody", {
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
