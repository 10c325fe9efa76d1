import { getTranslations } from "next-intl/server";
import { CreateTokenForm, RevokeTokenButton } from "@/components/settings/api-token-forms";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { getFormat } from "@/server/i18n/format";
import { can, type SessionMember } from "@/lib/permissions";
import { listApiTokens } from "@/server/team/queries";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** API tokens: admins create them (shown once) and revoke them; others are told who can. */
export async function ApiTokensCard({ member }: { member: SessionMember }) {
  const [db, t, f] = await Promise.all([readDb(), getTranslations("settings"), getFormat()]);
  const manage = can(member.role, "tokens.manage");
  const tokens = manage ? await listApiTokens(db) : [];
  return (
    <>
      {manage ? (
        <Card title={t("tokens.title")}>
          <CreateTokenForm />
          <ScrollRegion label={t("tokens.title")}>
            <table className="mt-4 w-full text-left text-sm" aria-label={t("tokens.title")}>
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="py-1">
                    {t("tokens.columns.name")}
                  </th>
                  <th scope="col">{t("tokens.columns.token")}</th>
                  <th scope="col">{t("tokens.columns.scopes")}</th>
                  <th scope="col">{t("tokens.columns.created")}</th>
                  <th scope="col">{t("tokens.columns.lastUsed")}</th>
                  <th scope="col">
                    <span className="sr-only">{t("tokens.revoke")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id} className="border-t border-slate-100">
                    <td className="py-1.5">{token.name}</td>
                    <td className="font-mono text-xs">{token.prefix}…</td>
                    <td>
                      {token.scopes
                        .map((scope) => (scope === "read" || scope === "write" ? t(`tokens.scope.${scope}`) : scope))
                        .join(t("tokens.scopeSeparator"))}
                    </td>
                    <td>
                      {token.createdBy
                        ? t("tokens.createdBy", { date: f.date(token.createdAt), name: token.createdBy })
                        : f.date(token.createdAt)}
                    </td>
                    <td>{token.lastUsedAt ? f.date(token.lastUsedAt) : t("tokens.neverUsed")}</td>
                    <td>
                      {token.revokedAt ? (
                        <span className="text-slate-500">
                          {t("tokens.revokedOn", { date: f.date(token.revokedAt) })}
                        </span>
                      ) : (
                        <RevokeTokenButton tokenId={token.id} name={token.name} />
                      )}
                    </td>
                  </tr>
                ))}
                {tokens.length === 0 ? (
                  <tr>
                    <td colSpan={6} className="py-2 text-slate-600">
                      {t("tokens.empty")}
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </ScrollRegion>
        </Card>
      ) : (
        <p className="text-sm text-slate-600">{t("tokens.adminsOnly")}</p>
      )}
    </>
  );
}
