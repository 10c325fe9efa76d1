import "server-only";
import { z } from "zod";
import { db, type Transaction } from "@/db";
import { DATABASE_UNAVAILABLE_MESSAGE, databaseErrorCode, isDatabaseUnavailable } from "@/db/connection-error";
import type { SessionMember } from "@/lib/permissions";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { can, type Permission } from "@/lib/permissions";
import { formDataToObject } from "@/lib/validation/fields";

export type FieldErrors = Record<string, string[] | undefined>;
/** The one shape every server action returns; forms start from `null`. */
export type ActionResult<T = unknown> =
  | {
      ok: true;
      message: string;
      data?: T;
      /** The answer carried the page rendered afresh (server/actions/run.ts): nothing to refresh. */
      pageIncluded?: boolean;
    }
  | { ok: false; message: string; fieldErrors?: FieldErrors };

export type ActionContext = { member: SessionMember; tx: Transaction };

export type ActionDefinition<S extends z.ZodType, T> = {
  permission: Permission;
  schema: S;
  run: (input: z.infer<S>, context: ActionContext) => Promise<{ message: string; data?: T }>;
};

export function defineAction<S extends z.ZodType, T = undefined>(
  definition: ActionDefinition<S, T>,
): ActionDefinition<S, T> {
  return definition;
}

const FIX_FIELDS = "Please correct the highlighted fields. Nothing was saved.";

/**
 * Role check → zod parse → the work in one transaction (audit rows included). Called by every
 * server action with the session's member, and by tests with any member, exactly as a forged
 * request would arrive.
 */
export async function executeAction<S extends z.ZodType, T>(
  definition: ActionDefinition<S, T>,
  member: SessionMember,
  input: FormData | Record<string, unknown>,
): Promise<ActionResult<T>> {
  if (!can(member.role, definition.permission))
    return { ok: false, message: new ForbiddenError(definition.permission).message };
  const parsed = definition.schema.safeParse(input instanceof FormData ? formDataToObject(input) : input);
  if (!parsed.success) {
    return { ok: false, message: FIX_FIELDS, fieldErrors: z.flattenError(parsed.error).fieldErrors as FieldErrors };
  }
  try {
    const result = await db.transaction((tx) => definition.run(parsed.data, { member, tx }));
    return { ok: true, ...result };
  } catch (error) {
    if (error instanceof ValidationError) {
      return {
        ok: false,
        message: Object.keys(error.fieldErrors).length > 0 ? FIX_FIELDS : error.message,
        fieldErrors: error.fieldErrors,
      };
    }
    if (error instanceof ForbiddenError || error instanceof NotFoundError) return { ok: false, message: error.message };
    if (isDatabaseUnavailable(error)) {
      console.error(
        `[action] ${definition.permission}: database unavailable (${databaseErrorCode(error) ?? "no code"})`,
      );
      return { ok: false, message: DATABASE_UNAVAILABLE_MESSAGE };
    }
    console.error(`[action] ${definition.permission} failed:`, error);
    return { ok: false, message: "Something went wrong on our side and nothing was saved. Please try again." };
  }
}
