import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { Icon } from "@/components/ui/icon";
import { db } from "@/db";
import { findOpenInvitation } from "@/server/team/invitations";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.invite");
  return { title: t("title") };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = token.length <= 200 ? await findOpenInvitation(db, token) : undefined;
  const t = await getTranslations("auth.invite");
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="mb-6 text-center">
          <Icon name="hourglass" className="mx-auto h-9 w-9 text-brand-600" />
          <h1 className="mt-2 text-xl font-semibold">{t("title")}</h1>
          {invitation ? (
            <p className="mt-1 text-sm text-slate-600">
              {t("intro", { name: invitation.name, role: invitation.role, email: invitation.email })}
            </p>
          ) : null}
        </div>
        {invitation ? (
          <AcceptInvitationForm token={token} email={invitation.email} />
        ) : (
          <p role="alert" className="text-sm text-slate-700">
            {t.rich("expired", {
              link: (chunks) => (
                <a href="/login" className="font-medium text-brand-700 underline">
                  {chunks}
                </a>
              ),
            })}
          </p>
        )}
      </div>
    </main>
  );
}
