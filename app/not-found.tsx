import { useTranslations } from "next-intl";
import { Link } from "@/components/ui/link";

export default function NotFound() {
  const t = useTranslations("common.notFound");
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-8 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-600">{t("body")}</p>
      <Link href="/" className="font-medium text-brand-700 underline">
        {t("backToOverview")}
      </Link>
    </main>
  );
}
