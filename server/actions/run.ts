import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { requireMember } from "@/server/auth/session";
import { rememberWrite } from "@/server/reads/read-db";
import { type ActionDefinition, type ActionResult, executeAction } from "./execute";

/** The body of a server action: the session's member, the shared wrapper, then fresh views everywhere. */
export async function runMemberAction<S extends z.ZodType, T>(
  definition: ActionDefinition<S, T>,
  input: FormData | Record<string, unknown>,
): Promise<ActionResult<T>> {
  const member = await requireMember();
  const result = await executeAction(definition, member, input);
  if (result.ok) {
    // Every view reads the database on request: refresh them all so the change shows at once,
    // read from the primary until the replicas have it.
    await rememberWrite();
    revalidatePath("/", "layout");
  }
  return result;
}
