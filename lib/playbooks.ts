/**
 * What makes a playbook fire for a customer. State triggers (risk, silence, stage, capacity) fire
 * when a customer enters the condition, and again only after leaving it; event triggers fire on
 * the interaction that is logged.
 */
export const PLAYBOOK_TRIGGERS = [
  "risk_at_risk",
  "debit_logged",
  "nps_detractor",
  "silence",
  "stage_overdue",
  "advocate_capacity",
] as const;
export type PlaybookTrigger = (typeof PLAYBOOK_TRIGGERS)[number];
// Their names are in messages/<locale>/playbooks.json (triggers).

export const STATE_TRIGGERS: readonly PlaybookTrigger[] = [
  "risk_at_risk",
  "silence",
  "stage_overdue",
  "advocate_capacity",
];

/** The interaction type an NPS answer of 0–6 is logged as. */
export const NPS_DETRACTOR_TYPE = "nps_detractor";

export type MergeFields = { customer: string; company: string; owner: string; days_silent: string };

/** Fills {{customer}}, {{company}}, {{owner}} and {{days_silent}}; unknown fields stay as typed, so a typo is visible. */
export function renderTemplate(template: string, fields: MergeFields): string {
  return template.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, name: string) =>
    name in fields ? fields[name as keyof MergeFields] : whole,
  );
}

export const MERGE_FIELD_NAMES = ["customer", "company", "owner", "days_silent"] as const;

/** Merge fields a template names that do not exist: the form refuses them. */
export function unknownMergeFields(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([a-zA-Z_]+)\s*\}\}/g)]
    .map((match) => match[1])
    .filter((name) => !(MERGE_FIELD_NAMES as readonly string[]).includes(name));
}
