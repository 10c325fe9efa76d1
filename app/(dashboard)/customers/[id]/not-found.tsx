import { useTranslations } from "next-intl";
import { Link } from "@/components/ui/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function CustomerNotFound() {
  const t = useTranslations("common.customerNotFound");
  return (
    <EmptyState title={t("title")}>
      <p>
        {t.rich("body", {
          link: (chunks) => (
            <Link href="/customers" className="font-medium text-brand-700 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </EmptyState>
  );
}
