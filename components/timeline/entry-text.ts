import type { useTranslations } from "next-intl";
import type { Format } from "@/lib/format";
import { advocateRoleName, interactionTypeLabel } from "@/lib/i18n/labels";
import type { TimelineEntry } from "@/server/customers/timeline";

type T = ReturnType<typeof useTranslations<"timeline">>;
type Labels = ReturnType<typeof useTranslations<"labels">>;
type Key = Parameters<T>[0];

/*
 * The timeline query (server/customers/timeline.ts) gives each entry's parts (what happened, the
 * task's or role's own name); these word them in the reader's language. A type or role a team
 * named itself, and a task's own title, are shown as written.
 */

const TASK_EVENTS: Record<string, Key> = { done: "entry.taskDone", dismissed: "entry.taskDismissed" };

const ROLE_EVENTS: Record<string, Key> = {
  invited: "entry.roleInvited",
  active: "entry.roleActive",
  retired: "entry.roleRetired",
};

const ACCOUNT_EVENTS: Record<string, Key> = {
  "customer.created": "entry.added",
  "customer.churned": "entry.churned",
  "customer.reactivated": "entry.reactivated",
  "customer.owner_changed": "entry.ownerChanged",
};

const known = (table: Record<string, Key>, event: string | null) =>
  event !== null && Object.hasOwn(table, event) ? table[event] : null;

/** The entry's heading, except a milestone change (its own "Aware → Converted"). */
export function entryTitle(entry: TimelineEntry, t: T, tl: Labels): string {
  const { title, event } = entry;
  switch (entry.kind) {
    case "interaction":
      return entry.typeKey ? interactionTypeLabel(tl, { key: entry.typeKey, label: title }) : title;
    case "delight":
      return t("entry.delight");
    case "community": {
      const kind = `entry.communityKinds.${event}` as Key;
      return t("entry.community", { kind: t.has(kind) ? t(kind) : (event ?? "").replaceAll("_", " ") });
    }
    case "task": {
      const key = known(TASK_EVENTS, event);
      return key ? t(key, { title }) : title;
    }
    case "role": {
      const key = known(ROLE_EVENTS, event);
      const role = entry.typeKey ? advocateRoleName(tl, { key: entry.typeKey, name: title }) : title;
      return key ? t(key, { role }) : role;
    }
    case "account": {
      const key = known(ACCOUNT_EVENTS, event);
      return key ? t(key) : (event ?? "");
    }
    default:
      return title;
  }
}

/** The entry's detail line: what was written; an owner change to no one says so. */
export function entryDetail(entry: TimelineEntry, t: T): string | null {
  if (entry.kind === "account" && entry.event === "customer.owner_changed" && entry.detail === null)
    return t("entry.noOwner");
  return entry.detail;
}

/** "Answered with a delight moment: Corrected invoice — Chris CSM, 14 Feb 2026", the day in the reader's language. */
export function answeredBy(answer: NonNullable<TimelineEntry["answer"]>, t: T, f: Format): string {
  return t("list.answeredBy", {
    gesture: answer.gesture,
    who: answer.by ?? t("list.someone"),
    date: f.date(answer.at),
  });
}
