import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentMember } from "@/server/auth/session";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { Icon } from "@/components/ui/icon";
import { LoginForm } from "@/components/auth/login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await currentMember()) redirect(safeCallbackUrl(callbackUrl));
  const t = await getTranslations("auth.login");
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="mb-6 text-center">
          <Icon name="hourglass" className="mx-auto h-9 w-9 text-brand-600" />
          <h1 className="mt-2 text-xl font-semibold">{t("heading")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("tagline")}</p>
        </div>
        <LoginForm callbackUrl={safeCallbackUrl(callbackUrl)} />
      </div>
    </main>
  );
}
