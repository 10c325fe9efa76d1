import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { members } from "@/db/schema";
import { executeAction } from "@/server/actions/execute";
import { getActiveMember } from "@/server/auth/members";
import { getSettings } from "@/server/settings/queries";
import { asSessionMember, createMember, writeFingerprint } from "@/testing/factories";
import { saveBookSettings, saveAccountPreferences } from "./preferences";

const preferencesOf = async (id: number) => (await getActiveMember(db, { id }))?.preferences;

describe("a member's language, time zone and theme", () => {
  it("a viewer saves German, Europe/Berlin and dark for themselves; blank language and zone go back to the browser's and the book's", async () => {
    const viewer = await createMember({ role: "viewer" });
    const saved = await executeAction(saveAccountPreferences, asSessionMember(viewer), {
      locale: "de",
      timeZone: "Europe/Berlin",
      theme: "dark",
    });
    expect(saved).toMatchObject({ ok: true });
    expect(await preferencesOf(viewer.id)).toEqual({ locale: "de", timeZone: "Europe/Berlin", theme: "dark" });

    await executeAction(saveAccountPreferences, asSessionMember(viewer), { locale: "", timeZone: "", theme: "system" });
    expect(await preferencesOf(viewer.id)).toEqual({ locale: null, timeZone: null, theme: "system" });
  });

  it("a language, zone or theme not on the list is refused field by field and nothing is written", async () => {
    const member = await createMember({ role: "csm" });
    const before = await writeFingerprint();
    const refused = await executeAction(saveAccountPreferences, asSessionMember(member), {
      locale: "fr",
      timeZone: "Mars/Olympus",
      theme: "sepia",
    });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && Object.keys(refused.fieldErrors ?? {}).sort()).toEqual(["locale", "theme", "timeZone"]);
    expect(await writeFingerprint()).toEqual(before);
  });

  it("the pseudo-locale is refused unless HOURGLASS_PSEUDO_LOCALE=on", async () => {
    const member = await createMember({ role: "csm" });
    const refused = await executeAction(saveAccountPreferences, asSessionMember(member), {
      locale: "en-XA",
      timeZone: "",
      theme: "system",
    });
    expect(refused.ok).toBe(false);
    const [row] = await db.select({ locale: members.locale }).from(members).where(eq(members.id, member.id));
    expect(row.locale).toBeNull();
  });
});

describe("the book's currency and time zone", () => {
  it("only an admin sets them: a manager is refused; the admin's EUR and Europe/Berlin are read back; an unknown currency is refused", async () => {
    const manager = await createMember({ role: "manager" });
    const admin = await createMember({ role: "admin" });
    const refused = await executeAction(saveBookSettings, asSessionMember(manager), {
      currency: "EUR",
      timeZone: "Europe/Berlin",
    });
    expect(refused.ok).toBe(false);
    expect((await getSettings(db, ["book"])).book.currency).toBe("USD");

    expect(
      await executeAction(saveBookSettings, asSessionMember(admin), { currency: "EUR", timeZone: "Europe/Berlin" }),
    ).toMatchObject({ ok: true });
    expect((await getSettings(db, ["book"])).book).toEqual({ currency: "EUR", timeZone: "Europe/Berlin" });

    const unknown = await executeAction(saveBookSettings, asSessionMember(admin), {
      currency: "EURO",
      timeZone: "Europe/Berlin",
    });
    expect(!unknown.ok && Object.keys(unknown.fieldErrors ?? {})).toEqual(["currency"]);
    expect((await getSettings(db, ["book"])).book.currency).toBe("EUR");
  });
});
