import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { requireMember } from "@/server/auth/session";
import { requestPreferences } from "@/server/i18n/preferences";
import { rememberWrite } from "@/server/reads/read-db";
import { type ActionDefinition, type ActionResult, executeAction } from "./execute";

/**
 * The body of a server action: the session's member, the shared wrapper (answering in the
 * member's language), then fresh views everywhere. With `refresh: "by-the-form"` the answer
 * carries only the result, at once, and the form refreshes the page itself
 * (components/timeline/log-interaction-form.tsx) unless the answer says `pageIncluded`: for the
 * forms used many times a day, where a page re-rendered inside the answer would make every save wait for it.
 */
export async function runMemberAction<S extends z.ZodType, T>(
  definition: ActionDefinition<S, T>,
  input: FormData | Record<string, unknown>,
  { refresh = "in-the-answer" }: { refresh?: "in-the-answer" | "by-the-form" } = {},
): Promise<ActionResult<T>> {
  const member = await requireMember();
  const { locale, timeZone } = await requestPreferences();
  const result = await executeAction(definition, member, input, locale, timeZone);
  if (!result.ok) return result;
  // Every view reads the database on request: refresh them all so the change shows at once,
  // read from the primary until the replicas have it. A cookie set makes Next.js render the
  // page inside the answer anyway.
  const cookieSet = await rememberWrite();
  if (refresh === "by-the-form" && !cookieSet) return result;
  revalidatePath("/", "layout");
  return refresh === "by-the-form" ? { ...result, pageIncluded: true } : result;
}
