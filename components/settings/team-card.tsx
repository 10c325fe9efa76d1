import { getTranslations } from "next-intl/server";
import {
  InviteMemberForm,
  MemberControls,
  RevokeInvitationButton,
  SecuritySettingsForm,
} from "@/components/settings/team-forms";
import { getFormat } from "@/server/i18n/format";
import { listOpenInvitations } from "@/server/team/invitations";
import { getSettings } from "@/server/settings/queries";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { can, type SessionMember } from "@/lib/permissions";
import { listMembers } from "@/server/team/queries";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** The team with roles and status; admins change roles, deactivate, invite members and set sign-in security here. */
export async function TeamCard({ member }: { member: SessionMember }) {
  const [db, t, tl, f] = await Promise.all([
    readDb(),
    getTranslations("settings"),
    getTranslations("labels"),
    getFormat(),
  ]);
  const manage = can(member.role, "members.manage");
  const [team, invitations, { security }] = await Promise.all([
    listMembers(db),
    manage ? listOpenInvitations(db) : [],
    getSettings(db, ["security"]),
  ]);
  return (
    <>
      <Card title={t("team.title")}>
        <ScrollRegion label={t("team.members")}>
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 font-medium">
                  {t("team.columns.name")}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t("team.columns.email")}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t("team.columns.role")}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t("team.columns.status")}
                </th>
                {manage ? (
                  <th scope="col" className="py-2 font-medium">
                    <span className="sr-only">{t("team.columns.manage")}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {team.map((m) => (
                <tr key={m.id} className="border-b border-slate-100 last:border-0">
                  <td className="py-2">{m.name}</td>
                  <td className="py-2 text-slate-600">{m.email}</td>
                  <td className="py-2">{tl(`roles.${m.role}`)}</td>
                  <td className="py-2">{m.active ? t("team.active") : t("team.deactivated")}</td>
                  {manage ? (
                    <td className="py-2">
                      <MemberControls
                        key={`${m.role}-${m.active}`}
                        memberId={m.id}
                        name={m.name}
                        role={m.role}
                        active={m.active}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </Card>
      {manage ? (
        <>
          <Card title={t("team.invite.title")} className="mt-6">
            <p className="mb-3 text-sm text-slate-600">{t("team.invite.intro")}</p>
            <InviteMemberForm />
            {invitations.length > 0 ? (
              <ul aria-label={t("team.invite.open")} className="mt-4 divide-y divide-slate-100 text-sm">
                {invitations.map((invitation) => (
                  <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      {t("team.invite.openInvitation", {
                        name: invitation.name,
                        email: invitation.email,
                        role: tl(`roles.${invitation.role}`),
                        until: f.dateTime(invitation.expiresAt),
                      })}
                    </span>
                    <RevokeInvitationButton invitationId={invitation.id} email={invitation.email} />
                  </li>
                ))}
              </ul>
            ) : null}
          </Card>
          <Card title={t("team.security.title")} className="mt-6">
            <SecuritySettingsForm requireAdminTwoFactor={security.requireAdminTwoFactor} />
          </Card>
        </>
      ) : null}
    </>
  );
}
