import type { useTranslations } from "next-intl";
import { ADVOCATE_ROLE_CATALOG, INTERACTION_CATALOG } from "@/lib/interaction-catalog";
import { MILESTONES } from "@/lib/journey/models";

/**
 * The names a team can rename (interaction types, advocate roles) are shown in the reader's language
 * only while they are still the built-in English name; a team's own name is shown as they wrote it.
 * `t` is the "labels" namespace's translator: `useTranslations("labels")` or `getTranslations("labels")`.
 */
type T = ReturnType<typeof useTranslations<"labels">>;
// Keys built from a built-in key checked against the catalog above.
const builtIn = (key: string) => key as Parameters<T>[0];

const builtInTypeLabel = new Map(INTERACTION_CATALOG.map((entry) => [entry.key, entry.label]));
const builtInRole = new Map(ADVOCATE_ROLE_CATALOG.map((role) => [role.key, role]));

/** "Retained"; an unknown number → "Milestone 14". */
export function milestoneLabel(t: T, milestone: number): string {
  const known = MILESTONES[milestone - 1];
  return known ? t(`milestones.${known.key}`) : t("milestoneNumbered", { number: milestone });
}

export function interactionTypeLabel(t: T, type: { key: string; label: string }): string {
  return builtInTypeLabel.get(type.key) === type.label ? t(builtIn(`interactionTypes.${type.key}`)) : type.label;
}

export function advocateRoleName(t: T, role: { key: string; name: string }): string {
  return builtInRole.get(role.key)?.name === role.name ? t(builtIn(`advocateRoles.${role.key}.name`)) : role.name;
}
