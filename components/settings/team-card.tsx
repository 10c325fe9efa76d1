import {
  InviteMemberForm,
  MemberControls,
  RevokeInvitationButton,
  SecuritySettingsForm,
} from "@/components/settings/team-forms";
import { formatDateTime } from "@/lib/format";
import { listOpenInvitations } from "@/server/team/invitations";
import { getSettings } from "@/server/settings/queries";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { can, ROLE_LABELS, type SessionMember } from "@/lib/permissions";
import { listMembers } from "@/server/team/queries";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** The team with roles and status; admins change roles, deactivate, invite members and set sign-in security here. */
export async function TeamCard({ member }: { member: SessionMember }) {
  const db = await readDb();
  const manage = can(member.role, "members.manage");
  const [team, invitations, { security }] = await Promise.all([
    listMembers(db),
    manage ? listOpenInvitations(db) : [],
    getSettings(db, ["security"]),
  ]);
  return (
    <>
      <Card title="Team">
        <ScrollRegion label="Team members">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 font-medium">
                  Name
                </th>
                <th scope="col" className="py-2 font-medium">
                  Email
                </th>
                <th scope="col" className="py-2 font-medium">
                  Role
                </th>
                <th scope="col" className="py-2 font-medium">
                  Status
                </th>
                {manage ? (
                  <th scope="col" className="py-2 font-medium">
                    <span className="sr-only">Manage</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {team.map((m) => (
                <tr key={m.id} className="border-b border-slate-100 last:border-0">
                  <td className="py-2">{m.name}</td>
                  <td className="py-2 text-slate-600">{m.email}</td>
                  <td className="py-2">{ROLE_LABELS[m.role]}</td>
                  <td className="py-2">{m.active ? "Active" : "Deactivated"}</td>
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
          <Card title="Invite a member" className="mt-6">
            <p className="mb-3 text-sm text-slate-600">
              They get a link, good once for 72 hours, to choose their own password.
            </p>
            <InviteMemberForm />
            {invitations.length > 0 ? (
              <ul aria-label="Open invitations" className="mt-4 divide-y divide-slate-100 text-sm">
                {invitations.map((invitation) => (
                  <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      {invitation.name} ({invitation.email}), {ROLE_LABELS[invitation.role]} · until{" "}
                      {formatDateTime(invitation.expiresAt)}
                    </span>
                    <RevokeInvitationButton invitationId={invitation.id} email={invitation.email} />
                  </li>
                ))}
              </ul>
            ) : null}
          </Card>
          <Card title="Sign-in security" className="mt-6">
            <SecuritySettingsForm requireAdminTwoFactor={security.requireAdminTwoFactor} />
          </Card>
        </>
      ) : null}
    </>
  );
}
