import "server-only";
import { z } from "zod";
import { db, type Transaction } from "@/db";
import { databaseErrorCode, isDatabaseUnavailable } from "@/db/connection-error";
import type { SessionMember } from "@/lib/permissions";
import { message, type Text } from "@/lib/error-messages";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { can, type Permission } from "@/lib/permissions";
import { formDataToObject } from "@/lib/validation/fields";
import { safeParseIn } from "@/lib/validation/messages";
import { type ActionLocale, speakerFor } from "./speaker";

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

/** `say` words a catalog message in the member's language: for text an action returns inside `data`. */
export type ActionContext = { member: SessionMember; tx: Transaction; say: (text: Text) => string };

export type ActionDefinition<S extends z.ZodType, T> = {
  permission: Permission;
  schema: S;
  /** `message`: a catalog message (lib/error-messages.ts) or text as is, said in the member's language. */
  run: (input: z.infer<S>, context: ActionContext) => Promise<{ message: Text; data?: T }>;
};

export function defineAction<S extends z.ZodType, T = undefined>(
  definition: ActionDefinition<S, T>,
): ActionDefinition<S, T> {
  return definition;
}

const FIX_FIELDS = message("action.fixFields");

/**
 * Role check → zod parse → the work in one transaction (audit rows included). Called by every
 * server action with the session's member, and by tests with any member, exactly as a forged
 * request would arrive. What it answers is said in `locale` (server/actions/run.ts passes the
 * request's), with dates in `timeZone`; English by default.
 */
export async function executeAction<S extends z.ZodType, T>(
  definition: ActionDefinition<S, T>,
  member: SessionMember,
  input: FormData | Record<string, unknown>,
  locale: ActionLocale = "en",
  timeZone?: string,
): Promise<ActionResult<T>> {
  const speaker = await speakerFor(locale, timeZone);
  const { say } = speaker;
  if (!can(member.role, definition.permission))
    return { ok: false, message: say(new ForbiddenError(definition.permission).text) };
  const parsed = safeParseIn(speaker, definition.schema, input instanceof FormData ? formDataToObject(input) : input);
  if (!parsed.success) {
    return {
      ok: false,
      message: say(FIX_FIELDS),
      fieldErrors: z.flattenError(parsed.error).fieldErrors as FieldErrors,
    };
  }
  try {
    const result = await db.transaction((tx) => definition.run(parsed.data, { member, tx, say }));
    return { ok: true, ...result, message: say(result.message) };
  } catch (error) {
    if (error instanceof ValidationError) {
      const fieldErrors = Object.fromEntries(
        Object.entries(error.fieldTexts).map(([field, texts]) => [field, texts.map(say)]),
      );
      return {
        ok: false,
        message: Object.keys(fieldErrors).length > 0 ? say(FIX_FIELDS) : say(error.text),
        fieldErrors,
      };
    }
    if (error instanceof ForbiddenError || error instanceof NotFoundError)
      return { ok: false, message: say(error.text) };
    if (isDatabaseUnavailable(error)) {
      console.error(
        `[action] ${definition.permission}: database unavailable (${databaseErrorCode(error) ?? "no code"})`,
      );
      return { ok: false, message: say(message("action.databaseUnavailable")) };
    }
    console.error(`[action] ${definition.permission} failed:`, error);
    return { ok: false, message: say(message("action.failed")) };
  }
}
