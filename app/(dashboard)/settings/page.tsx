import { Card } from "@/components/ui/card";
import { listMembers } from "@/db/queries/members";
import { requirePageMember } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/permissions";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePageMember("settings.read");
  const team = await listMembers();
  return (
    <>
      <Card title="Team">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-2 font-medium">Name</th>
              <th scope="col" className="py-2 font-medium">Email</th>
              <th scope="col" className="py-2 font-medium">Role</th>
              <th scope="col" className="py-2 font-medium">Status</th>
            </tr>
          </thead>
          <tbody>
            {team.map((m) => (
              <tr key={m.id} className="border-b border-slate-100 last:border-0">
                <td className="py-2">{m.name}</td>
                <td className="py-2 text-slate-600">{m.email}</td>
                <td className="py-2">{ROLE_LABELS[m.role]}</td>
                <td className="py-2">{m.active ? "Active" : "Deactivated"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
