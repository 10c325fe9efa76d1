import { ChangePasswordForm, TwoFactorSettings } from "@/components/account/account-forms";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { first, type SearchParams } from "@/lib/search-params";
import { hasTwoFactor } from "@/server/auth/second-factor";
import { requirePageMember } from "@/server/auth/session";

export const metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = await readDb();
  const member = await requirePageMember("account.own", { twoFactorSetup: true });
  const [params, twoFactor] = await Promise.all([searchParams, hasTwoFactor(db, member.id)]);
  const required = first(params, "required") === "two-factor" && !twoFactor;
  return (
    <div className="space-y-6">
      {first(params, "changed") === "password" ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Password changed. Your other sessions are signed out.
        </p>
      ) : null}
      {required ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Your team requires admins to sign in with two-factor. Turn it on to go on using Hourglass.
        </p>
      ) : null}
      <Card title="Password">
        <p className="mb-3 text-sm text-slate-600">
          Signed in as {member.name} ({member.email}). Changing the password signs out your other sessions.
        </p>
        <ChangePasswordForm />
      </Card>
      <Card title="Two-factor sign-in">
        <p className="mb-3 text-sm text-slate-600">
          {twoFactor
            ? "On: signing in asks for a code from your authenticator app (or a recovery code) after the password."
            : "Off. With it on, signing in asks for a 6-digit code from an authenticator app (Google Authenticator, 1Password, Authy…) after the password."}
        </p>
        <TwoFactorSettings enabled={twoFactor} />
      </Card>
    </div>
  );
}
