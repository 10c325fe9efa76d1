import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { InviteForm } from "@/components/advocates/invite-form";
import { BalanceBadge } from "@/components/customers/balance-badge";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { getFormat } from "@/server/i18n/format";
import { advocateRoleName, milestoneLabel } from "@/lib/i18n/labels";
import { can, type SessionMember } from "@/lib/permissions";
import { getCandidates, listAdvocateRoles } from "@/server/advocacy/queries";

/** Retained or expanded customers in credit with no role yet, to invite to one. */
export async function AdvocateCandidates({ member }: { member: SessionMember }) {
  const db = await readDb();
  const [candidates, catalog, t, tl, f] = await Promise.all([
    getCandidates(db),
    listAdvocateRoles(db, { activeOnly: true }),
    getTranslations("advocates.candidates"),
    getTranslations("labels"),
    getFormat(),
  ]);
  const roles = catalog.map((role) => ({ id: role.id, name: advocateRoleName(tl, role) }));
  const canWrite = can(member.role, "advocacy.write");
  return (
    <Card title={t("title")}>
      {candidates.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label={t("aria")}>
          {candidates.map((c) => (
            <li
              key={c.id}
              data-testid="candidate"
              className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm"
            >
              <span>
                <Link href={`/customers/${c.id}`} className="font-medium text-brand-700 hover:underline">
                  {c.name}
                </Link>
                <span className="ml-2 text-xs text-slate-500">
                  {milestoneLabel(tl, c.milestone)} · {f.money(c.mrrCents)}
                </span>
                {c.spokeUp ? (
                  <span className="ml-2 rounded bg-emerald-100 px-1.5 text-xs font-medium text-emerald-800">
                    {t("spokeUp")}
                  </span>
                ) : null}
              </span>
              <span className="flex items-center gap-3">
                <BalanceBadge balance={c.balance} />
                {canWrite ? <InviteForm customerId={c.id} customerName={c.name} roles={roles} /> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
