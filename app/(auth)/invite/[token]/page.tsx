import type { Metadata } from "next";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { Icon } from "@/components/ui/icon";
import { db } from "@/db";
import { ROLE_LABELS } from "@/lib/permissions";
import { findOpenInvitation } from "@/server/team/invitations";

export const metadata: Metadata = { title: "Join Hourglass" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = token.length <= 200 ? await findOpenInvitation(db, token) : undefined;
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="mb-6 text-center">
          <Icon name="hourglass" className="mx-auto h-9 w-9 text-brand-600" />
          <h1 className="mt-2 text-xl font-semibold">Join Hourglass</h1>
          {invitation ? (
            <p className="mt-1 text-sm text-slate-600">
              {invitation.name}, you are invited as {ROLE_LABELS[invitation.role].toLowerCase()} ({invitation.email}).
              Choose your password.
            </p>
          ) : null}
        </div>
        {invitation ? (
          <AcceptInvitationForm token={token} email={invitation.email} />
        ) : (
          <p role="alert" className="text-sm text-slate-700">
            This invitation has expired or was already used. Ask an admin for a new one, or{" "}
            <a href="/login" className="font-medium text-brand-700 underline">
              sign in
            </a>{" "}
            if you already have an account.
          </p>
        )}
      </div>
    </main>
  );
}
