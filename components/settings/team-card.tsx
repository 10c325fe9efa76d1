import { AddMemberForm, MemberControls } from "@/components/settings/team-forms";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { can, ROLE_LABELS, type SessionMember } from "@/lib/permissions";
import { listMembers } from "@/server/team/queries";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** The team with roles and status; admins change roles, deactivate and add members here. */
export async function TeamCard({ member }: { member: SessionMember }) {
  const manage = can(member.role, "members.manage");
  const team = await listMembers(db);
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
        <Card title="Add a member" className="mt-6">
          <AddMemberForm />
        </Card>
      ) : null}
    </>
  );
}
