import type { AbstractIntlMessages } from "next-intl";

/**
 * The parts of the catalog the browser needs, by dotted path. Every message a client component (or a
 * hook it calls) reads through `useTranslations(namespace)` must sit under one of these; what server
 * components read through `getTranslations` never leaves the server. The whole catalog (less the
 * server's errors and emails) cost every page 71–81 KB of HTML; this is 32–36 KB.
 * `lib/i18n/client-messages.test.ts` keeps these lists complete.
 */
export const CLIENT_MESSAGES = [
  "account.password",
  "account.twoFactor",
  "account.views",
  "advocates.activityForm",
  "advocates.asks",
  "advocates.invite",
  "advocates.statusButtons",
  "auth.invite",
  "auth.login",
  "backtest.controls",
  "common",
  "customers.balance",
  "customers.filters",
  "customers.table",
  "customers.bulk",
  "customers.account",
  "customers.milestoneForm",
  "customers.privacy",
  "customers.form",
  "customers.subscriptions",
  "customers.revenue.intervals",
  "delight.form",
  "format",
  "journey",
  "labels",
  "notifications.alerts",
  "notifications.preferences",
  "outreach.form",
  "outreach.settings",
  "preferences",
  "revenue.atRisk",
  "risk.filters",
  "risk.table",
  "risk.views",
  "tasks.board",
  "tasks.form",
  "tasks.item",
  "tasks.suggestion",
  "timeline",
] as const;

/** What the settings pages add: their forms are client components that only those pages draw. */
export const SETTINGS_CLIENT_MESSAGES = ["backtest", "playbooks", "settings"] as const;

/** The messages under `paths` (dotted), in the catalog's own shape. */
export function pickMessages(messages: AbstractIntlMessages, paths: readonly string[]): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const path of paths) {
    const keys = path.split(".");
    let from: AbstractIntlMessages | string | undefined = messages;
    let into = picked;
    keys.forEach((key, index) => {
      from = typeof from === "object" ? from[key] : undefined;
      if (from === undefined) return;
      if (index === keys.length - 1) into[key] = from;
      else into = (into[key] ??= {}) as AbstractIntlMessages;
    });
  }
  return picked;
}
