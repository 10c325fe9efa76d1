import { CURRENCIES } from "./i18n/zones";

const inEachCurrency = (name: string) => CURRENCIES.map((code) => `${name}_${code.toLowerCase()}`);

/** The fields a CSV import can fill, per kind, with the column names that map to them by default. */
export const IMPORT_FIELDS = {
  customers: [
    { field: "externalId", label: "External id", aliases: ["external_id", "externalid", "id", "crm_id"] },
    { field: "email", label: "Email", aliases: ["email", "e-mail", "mail"] },
    { field: "name", label: "Name", aliases: ["name", "customer", "full_name", "contact"] },
    { field: "company", label: "Company", aliases: ["company", "organisation", "organization", "account"] },
    { field: "plan", label: "Plan", aliases: ["plan", "tier"] },
    // An export names the amount's currency (mrr_usd, mrr_eur): any currency's column maps here.
    { field: "mrr", label: "MRR (USD)", aliases: ["mrr", ...inEachCurrency("mrr"), "monthly_revenue"] },
    { field: "ownerEmail", label: "Owner email", aliases: ["owner", "owner_email", "csm"] },
    { field: "status", label: "Status", aliases: ["status"] },
    { field: "milestone", label: "Milestone (1–13)", aliases: ["milestone", "stage_number"] },
    {
      field: "signedUpAt",
      label: "Signed up at",
      aliases: [
        "signed_up_at",
        "signed_up",
        "signup",
        "signup_date",
        "sign_up_date",
        "sign-up_date",
        "created_at",
        "created",
        "joined",
      ],
    },
  ],
  interactions: [
    {
      field: "externalId",
      label: "External id (idempotency key)",
      aliases: ["external_id", "externalid", "id", "event_id"],
    },
    {
      field: "customerExternalId",
      label: "Customer external id",
      aliases: ["customer_external_id", "customer_id", "account_id"],
    },
    { field: "customerEmail", label: "Customer email", aliases: ["customer_email", "email"] },
    { field: "type", label: "Type", aliases: ["type", "event", "kind"] },
    { field: "occurredAt", label: "Occurred at", aliases: ["occurred_at", "timestamp", "time", "date"] },
    { field: "direction", label: "Direction", aliases: ["direction"] },
    { field: "channel", label: "Channel", aliases: ["channel"] },
    { field: "summary", label: "Summary", aliases: ["summary", "note", "description"] },
    { field: "weight", label: "Weight", aliases: ["weight"] },
  ],
  subscriptions: [
    {
      field: "externalId",
      label: "Subscription id",
      aliases: ["external_id", "externalid", "subscription_id", "id"],
    },
    {
      field: "customerExternalId",
      label: "Customer external id",
      aliases: ["customer_external_id", "customer_id", "account_id"],
    },
    { field: "customerEmail", label: "Customer email", aliases: ["customer_email", "email"] },
    { field: "plan", label: "Plan", aliases: ["plan", "product", "tier"] },
    {
      field: "amount",
      label: "Price (USD)",
      aliases: ["amount", "price", ...inEachCurrency("amount"), ...inEachCurrency("price")],
    },
    { field: "interval", label: "Billed (month or year)", aliases: ["interval", "billing_interval", "billed"] },
    { field: "status", label: "Status (active or canceled)", aliases: ["status", "state"] },
    {
      field: "effectiveAt",
      label: "Effective at (start or change)",
      aliases: ["effective_at", "started_at", "start_date", "start", "changed_at", "date"],
    },
    { field: "renewsOn", label: "Renews on", aliases: ["renews_on", "renewal_date", "renews", "next_renewal"] },
  ],
} as const;

export type ImportKind = keyof typeof IMPORT_FIELDS;

/** Column for each field: the first header that matches one of the field's names. */
export function guessMapping(kind: ImportKind, headers: string[]): Record<string, string> {
  const normalized = headers.map((h) => h.trim().toLowerCase().replace(/\s+/g, "_"));
  return Object.fromEntries(
    IMPORT_FIELDS[kind].flatMap(({ field, aliases }) => {
      const index = normalized.findIndex(
        (h) => h === field.toLowerCase() || (aliases as readonly string[]).includes(h),
      );
      return index >= 0 ? [[field, headers[index]]] : [];
    }),
  );
}

/** The import field a validation problem is about: the schema stores amounts in cents, the file has dollars. */
export function importFieldOf(field: string): string {
  return field === "mrrCents" ? "mrr" : field === "amountCents" ? "amount" : field;
}

/** Where an import problem is: the row or the file as a whole, the customer reference, or one field (with its column, if mapped). */
export type ImportFieldPlace =
  | { kind: "row" }
  | { kind: "file" }
  | { kind: "customer" }
  | { kind: "field"; field: string; known: boolean; column: string | null };

export function importFieldPlace(kind: ImportKind, field: string, mapping: Record<string, string>): ImportFieldPlace {
  if (field === "(row)") return { kind: "row" };
  if (field === "(file)") return { kind: "file" };
  if (field === "customer") return { kind: "customer" };
  const known = IMPORT_FIELDS[kind].some((one) => one.field === field);
  return { kind: "field", field, known, column: mapping[field] || null };
}

/**
 * How an import problem names its place for a person, in English: the file's column with the field's label
 * ("'Monthly' (MRR (USD))"), the label alone, or the row or file as a whole — never an internal name.
 * The import form says the same in the reader's language from importFieldPlace.
 */
export function describeImportField(kind: ImportKind, field: string, mapping: Record<string, string>): string {
  const place = importFieldPlace(kind, field, mapping);
  if (place.kind === "row") return "the row";
  if (place.kind === "file") return "the file";
  if (place.kind === "customer") return "Customer (external id or email)";
  const label = IMPORT_FIELDS[kind].find((one) => one.field === field)?.label ?? field;
  return place.column ? `'${place.column}' (${label})` : label;
}
