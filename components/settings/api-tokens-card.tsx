import { CreateTokenForm, RevokeTokenButton } from "@/components/settings/api-token-forms";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { formatDate } from "@/lib/format";
import { can, type SessionMember } from "@/lib/permissions";
import { listApiTokens } from "@/server/team/queries";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** API tokens: admins create them (shown once) and revoke them; others are told who can. */
export async function ApiTokensCard({ member }: { member: SessionMember }) {
  const db = await readDb();
  const manage = can(member.role, "tokens.manage");
  const tokens = manage ? await listApiTokens(db) : [];
  return (
    <>
      {manage ? (
        <Card title="API tokens">
          <CreateTokenForm />
          <ScrollRegion label="API tokens">
            <table className="mt-4 w-full text-left text-sm" aria-label="API tokens">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="py-1">
                    Name
                  </th>
                  <th scope="col">Token</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span className="sr-only">Revoke</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <tr key={t.id} className="border-t border-slate-100">
                    <td className="py-1.5">{t.name}</td>
                    <td className="font-mono text-xs">{t.prefix}…</td>
                    <td>{t.scopes.join(", ")}</td>
                    <td>
                      {formatDate(t.createdAt)}
                      {t.createdBy ? ` by ${t.createdBy}` : ""}
                    </td>
                    <td>{t.lastUsedAt ? formatDate(t.lastUsedAt) : "never"}</td>
                    <td>
                      {t.revokedAt ? (
                        <span className="text-slate-500">revoked {formatDate(t.revokedAt)}</span>
                      ) : (
                        <RevokeTokenButton tokenId={t.id} name={t.name} />
                      )}
                    </td>
                  </tr>
                ))}
                {tokens.length === 0 ? (
                  <tr>
                    <td colSpan={6} className="py-2 text-slate-600">
                      No tokens yet.
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </ScrollRegion>
        </Card>
      ) : (
        <p className="text-sm text-slate-600">Only admins create and revoke API tokens.</p>
      )}
    </>
  );
}
