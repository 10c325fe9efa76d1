import { executeAction } from "@/server/actions/execute";
import { createApiToken } from "@/server/team/api-tokens";
import { asSessionMember, createMember } from "./factories";

/** A fresh API token with these scopes, created by an admin as Settings → API does. */
export async function apiToken(scopes: string[]): Promise<string> {
  const admin = asSessionMember(await createMember({ role: "admin" }));
  const result = await executeAction(createApiToken, admin, {
    name: `test ${scopes.join("+")}`,
    ...Object.fromEntries(scopes.map((s) => [`scope.${s}`, "on"])),
  });
  if (!result.ok) throw new Error(result.message);
  return (result.data as { token: string }).token;
}
