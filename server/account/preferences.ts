import "server-only";
import { eq, sql } from "drizzle-orm";
import { members } from "@/db/schema";
import { PSEUDO_LOCALE } from "@/lib/i18n/locales";
import { message } from "@/lib/error-messages";
import { ValidationError } from "@/lib/errors";
import { accountPreferencesSchema, bookSettingsSchema } from "@/lib/validation/preferences";
import { defineAction } from "@/server/actions/execute";
import { pseudoLocaleOffered } from "@/server/i18n/pseudo-offered";
import { recordAudit } from "@/server/audit/record";
import { saveSettingsSection } from "@/server/settings/save";

/** A member's language, time zone and theme: their own, for every page they open from now on. */
export const saveAccountPreferences = defineAction({
  permission: "account.own",
  schema: accountPreferencesSchema,
  async run(input, { member, tx }) {
    if (input.locale === PSEUDO_LOCALE && !pseudoLocaleOffered())
      throw new ValidationError(message("preferences.languageFromList"), {
        locale: [message("preferences.languageFromList")],
      });
    await tx
      .update(members)
      .set({ locale: input.locale, timeZone: input.timeZone, theme: input.theme, updatedAt: sql`now()` })
      .where(eq(members.id, member.id));
    await recordAudit(tx, member, {
      action: "preferences.updated",
      entityType: "member",
      entityId: member.id,
      before: null,
      after: input,
    });
    return { message: message("done.account.preferencesSaved") };
  },
});

/** The book's currency and default time zone (amounts stay in minor units; only how they read changes). */
export const saveBookSettings = defineAction({
  permission: "settings.manage",
  schema: bookSettingsSchema,
  async run(input, { member, tx }) {
    await saveSettingsSection(tx, member, "book", input);
    return { message: message("done.account.bookSaved") };
  },
});
