import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import Papa from "papaparse";
import { z } from "zod";
import { type ImportKind, IMPORT_FIELDS, importFieldOf } from "@/lib/import-fields";
import { CONVERTED_MILESTONE } from "@/lib/journey/models";
import { type ApiSubscription, apiCustomerSchema, apiEventSchema, apiSubscriptionSchema } from "@/lib/validation/api";
import { parseDecimal } from "@/lib/validation/fields";
import { type Queryable, queryRows } from "@/db";
import { english, message, type Speaker } from "@/lib/error-messages";
import { safeParseIn } from "@/lib/validation/messages";
import { type Actor, recordAudit } from "@/server/audit/record";
import { bookInteractions } from "@/server/ledger/booking";
import type { Channel, Direction } from "@/lib/channels";
import { findEmailConflicts } from "@/server/customers/commands";
import { endSubscriptions, setCustomerMrr } from "@/server/revenue/engine";
import { ValidationError } from "@/lib/errors";
import { applySubscriptionStates, SubscriptionItemError } from "./api-subscriptions";

export type RowError = { row: number; field: string; message: string };
export type ImportPlan = { kind: ImportKind; rows: Record<string, unknown>[] };
export type ImportResult = { kind: ImportKind; rows: number; created: number; updated: number; skipped: number };

const CHUNK = 5000;

/**
 * Reads the CSV with the chosen mapping and validates every row; row numbers count the header as
 * row 1. The problems are said in `speaker`'s language (Settings → Data: the member's).
 */
export async function prepareImport(
  db: Queryable,
  { kind, csv, mapping }: { kind: ImportKind; csv: string; mapping: Record<string, string> },
  speaker: Speaker = english,
): Promise<{ plan: ImportPlan } | { errors: RowError[] }> {
  const { say } = speaker;
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: "greedy" });
  // A file with one column has no delimiter to detect; that is not a problem with any row.
  const errors: RowError[] = parsed.errors
    .filter((error) => error.type !== "Delimiter")
    .map((error) => shapeError(error, csv, speaker));
  if (parsed.data.length === 0)
    return { errors: [{ row: 1, field: "(file)", message: say(message("import.noRows")) }] };
  const columns = new Set(parsed.meta.fields ?? []);
  const allowed = new Set<string>(IMPORT_FIELDS[kind].map((f) => f.field));
  const used = Object.entries(mapping).filter(([field, column]) => allowed.has(field) && column);
  for (const [field, column] of used) {
    if (!columns.has(column))
      errors.push({ row: 1, field, message: say(message("import.columnMissing", { column: column.slice(0, 60) })) });
  }
  if (errors.some((e) => e.row === 1)) return { errors };
  const rows = parsed.data.map((record, index) => {
    const item: Record<string, unknown> = {};
    for (const [field, column] of used) {
      const value = Object.hasOwn(record, column) ? record[column]?.trim() : undefined;
      if (value) item[field] = value;
    }
    return coerce(kind, item, index + 2, errors, speaker);
  });
  const schema = { customers: apiCustomerSchema, interactions: apiEventSchema, subscriptions: apiSubscriptionSchema }[
    kind
  ];
  const seen = new Map<string, number>();
  const valid = rows.map((row, index) => {
    const result = safeParseIn(speaker, schema as z.ZodType<Record<string, unknown>>, row);
    // As the schema read them (dates as Dates, defaults filled), so the booking engines get what was validated.
    if (result.success && kind === "interactions") row.occurredAt = result.data.occurredAt;
    if (result.success && kind === "subscriptions") Object.assign(row, result.data);
    if (!result.success)
      for (const issue of result.error.issues)
        errors.push({ row: index + 2, field: importFieldOf(issue.path.join(".")) || "(row)", message: issue.message });
    const key = String(row.externalId ?? row.email ?? "");
    if (key) {
      const first = seen.get(key);
      if (first !== undefined)
        errors.push({
          row: index + 2,
          field: row.externalId ? "externalId" : "email",
          message: say(message("import.sameKey", { row: first })),
        });
      else seen.set(key, index + 2);
    }
    return result.success;
  });
  // Only rows that passed the schema reach a query: a NUL in a reference would fail the lookup itself.
  const checked = rows.map((row, index) => (valid[index] ? row : {}));
  if (kind === "customers") await checkCustomers(db, checked, errors, speaker);
  else await checkReferences(db, checked, errors, speaker);
  errors.sort((a, b) => a.row - b.row);
  return errors.length > 0 ? { errors } : { plan: { kind, rows } };
}

/** Papa's complaints about the file's shape, by row: a row with more or fewer cells than the header, an unclosed quote. */
function shapeError(error: Papa.ParseError, csv: string, { say }: Speaker): RowError {
  if (error.code === "MissingQuotes" || error.code === "InvalidQuotes") {
    const line = csv.slice(0, error.index ?? 0).split("\n").length;
    return { row: line, field: "(row)", message: say(message("import.unclosedQuote", { line })) };
  }
  const row = (error.row ?? 0) + 2;
  if (error.code === "TooManyFields") return { row, field: "(row)", message: say(message("import.tooManyCells")) };
  if (error.code === "TooFewFields") return { row, field: "(row)", message: say(message("import.tooFewCells")) };
  return { row, field: "(row)", message: say(message("import.unreadableRow")) };
}

function coerce(
  kind: ImportKind,
  item: Record<string, unknown>,
  row: number,
  errors: RowError[],
  { say }: Speaker,
): Record<string, unknown> {
  const number = (field: string) => {
    if (item[field] === undefined) return;
    const value = parseDecimal(String(item[field]).replace(/[$,]/g, ""));
    if (value === null) {
      const text = String(item[field]).slice(0, 40);
      errors.push({ row, field, message: say(message("import.notANumber", { value: text })) });
      delete item[field];
    } else item[field] = value;
  };
  if (kind === "customers") {
    number("mrr");
    number("milestone");
    if (typeof item.mrr === "number") item.mrrCents = Math.round(item.mrr * 100);
    delete item.mrr;
    for (const field of ["email", "ownerEmail", "plan", "status"])
      if (typeof item[field] === "string") item[field] = (item[field] as string).toLowerCase();
  } else if (kind === "subscriptions") {
    number("amount");
    if (typeof item.amount === "number") item.amountCents = Math.round(item.amount * 100);
    delete item.amount;
    for (const field of ["interval", "status", "customerEmail"])
      if (typeof item[field] === "string") item[field] = (item[field] as string).toLowerCase();
  } else {
    number("weight");
    for (const field of ["type", "direction", "channel", "customerEmail"])
      if (typeof item[field] === "string") item[field] = (item[field] as string).toLowerCase();
  }
  return item;
}

async function checkReferences(db: Queryable, rows: Record<string, unknown>[], errors: RowError[], { say }: Speaker) {
  const refs = await queryRows<{ externalId: string | null; email: string | null; id: number }>(
    db,
    sql`select id, external_id as "externalId", lower(email) as email from customers
        where external_id in (select jsonb_array_elements_text(${JSON.stringify(rows.flatMap((r) => (r.customerExternalId ? [r.customerExternalId] : [])))}::jsonb))
           or lower(email) in (select jsonb_array_elements_text(${JSON.stringify(rows.flatMap((r) => (r.customerEmail ? [r.customerEmail] : [])))}::jsonb))`,
  );
  const byExternal = new Map(refs.flatMap((r) => (r.externalId ? [[r.externalId, r.id]] : [])));
  const byEmail = new Map(refs.flatMap((r) => (r.email ? [[r.email, r.id]] : [])));
  const types = new Set(
    (await queryRows<{ key: string }>(db, sql`select key from interaction_types`)).map((t) => t.key),
  );
  rows.forEach((row, index) => {
    const customerId = row.customerExternalId
      ? byExternal.get(String(row.customerExternalId))
      : row.customerEmail
        ? byEmail.get(String(row.customerEmail))
        : undefined;
    if ((row.customerExternalId || row.customerEmail) && customerId === undefined)
      errors.push({ row: index + 2, field: "customer", message: say(message("import.noCustomerMatches")) });
    row.customerId = customerId;
    delete row.customerExternalId;
    delete row.customerEmail;
    if (row.type && !types.has(String(row.type)))
      errors.push({
        row: index + 2,
        field: "type",
        message: say(message("import.unknownType", { type: String(row.type) })),
      });
  });
}

async function checkCustomers(db: Queryable, rows: Record<string, unknown>[], errors: RowError[], { say }: Speaker) {
  const owners = new Map(
    (
      await queryRows<{ email: string; id: number }>(
        db,
        sql`select lower(email) as email, id from members where active`,
      )
    ).map((m) => [m.email, m.id]),
  );
  rows.forEach((row, index) => {
    if (row.ownerEmail === undefined) return;
    const owner = owners.get(String(row.ownerEmail));
    if (owner === undefined)
      errors.push({ row: index + 2, field: "ownerEmail", message: say(message("import.noActiveMember")) });
    row.ownerId = owner;
  });
  for (const { index, sameAs } of await findEmailConflicts(db, rows)) {
    errors.push({
      row: index + 2,
      field: "email",
      message: say(
        sameAs === undefined ? message("import.emailTaken") : message("import.sameEmail", { row: sameAs + 2 }),
      ),
    });
  }
}

/**
 * Imports a validated plan in one transaction, a chunk of set-based statements at a time:
 * idempotent per external id (a re-import skips what is there), the ledger kept exact.
 */
export async function runImport(
  db: Queryable,
  { plan, actor, onProgress }: { plan: ImportPlan; actor: Actor; onProgress: (done: number) => void },
): Promise<ImportResult> {
  return db.transaction(async (tx) => {
    const totals = { created: 0, updated: 0, skipped: 0 };
    for (let start = 0; start < plan.rows.length; start += CHUNK) {
      const chunk = plan.rows.slice(start, start + CHUNK);
      const result =
        plan.kind === "customers"
          ? await importCustomers(tx, chunk, actor)
          : plan.kind === "subscriptions"
            ? await importSubscriptions(tx, chunk, actor, start)
            : await importInteractions(tx, chunk, actor);
      totals.created += result.created;
      totals.updated += result.updated;
      totals.skipped += result.skipped;
      onProgress(start + chunk.length);
    }
    await recordAudit(tx, actor, {
      action: `import.${plan.kind}`,
      entityType: "import",
      entityId: plan.kind,
      after: { rows: plan.rows.length, ...totals },
    });
    return { kind: plan.kind, rows: plan.rows.length, ...totals };
  });
}

async function importCustomers(tx: Queryable, chunk: Record<string, unknown>[], actor: Actor) {
  const input = JSON.stringify(
    chunk.map((r) => ({
      external_id: r.externalId ?? null,
      email: r.email ?? null,
      name: r.name,
      company: r.company ?? null,
      plan: r.plan ?? null,
      mrr_cents: r.mrrCents ?? null,
      owner_id: r.ownerId ?? null,
      status: r.status ?? null,
      milestone: r.milestone ?? null,
      signed_up_at: r.signedUpAt ?? null,
    })),
  );
  const rows = sql`json_to_recordset(${input}::json) as x(external_id text, email text, name text, company text, plan text, mrr_cents int, owner_id int, status text, milestone int, signed_up_at timestamptz)`;
  const match = sql`((x.external_id is not null and c.external_id = x.external_id) or (x.external_id is null and lower(c.email) = x.email))`;
  const [updated] = await queryRows<{ count: number }>(
    tx,
    sql`with changed as (
          update customers c set name = x.name, email = coalesce(x.email, c.email), company = coalesce(x.company, c.company), plan = coalesce(x.plan, c.plan),
            owner_id = coalesce(x.owner_id, c.owner_id),
            status = coalesce(x.status::customer_status, c.status),
            churned_at = case when x.status = 'churned' then coalesce(c.churned_at, now()) when x.status = 'active' then null else c.churned_at end,
            updated_at = now()
          from ${rows} where ${match}
            -- A row that changes nothing is not an update: re-importing the same file reports it as already there.
            and (c.name, c.email, c.company, c.plan, c.mrr_cents, c.owner_id, c.status::text)
              is distinct from (x.name, coalesce(x.email, c.email), coalesce(x.company, c.company), coalesce(x.plan, c.plan),
                coalesce(x.mrr_cents, c.mrr_cents), coalesce(x.owner_id, c.owner_id), coalesce(x.status, c.status::text))
          returning c.id)
        select count(*)::int as count from changed`,
  );
  const inserted = await queryRows<{ id: number; milestone: number; signed_up_at: string }>(
    tx,
    sql`insert into customers (external_id, email, name, company, plan, owner_id, status, churned_at, milestone, peak_milestone, milestone_at, signed_up_at, converted_at)
        select x.external_id, x.email, x.name, x.company, coalesce(x.plan, 'starter'), x.owner_id, coalesce(x.status, 'active')::customer_status,
          case when x.status = 'churned' then now() end, coalesce(x.milestone, 1), coalesce(x.milestone, 1), coalesce(x.signed_up_at, now()), coalesce(x.signed_up_at, now()),
          case when coalesce(x.milestone, 1) >= ${CONVERTED_MILESTONE} then coalesce(x.signed_up_at, now()) end
        from ${rows} where not exists (select 1 from customers c where ${match})
        returning id, milestone::int as milestone, signed_up_at::text as signed_up_at`,
  );
  if (inserted.length > 0) {
    await tx.execute(
      sql`insert into milestone_changes (customer_id, from_milestone, to_milestone, at, reason, source)
          select x.id, null, x.milestone, x.signed_up_at, 'Imported', 'import' from json_to_recordset(${JSON.stringify(inserted)}::json) as x(id int, milestone int, signed_up_at timestamptz)`,
    );
  }
  await bookImportedRevenue(tx, actor, rows, match, new Set(inserted.map((r) => r.id)));
  return { created: inserted.length, updated: updated.count, skipped: chunk.length - inserted.length - updated.count };
}

/** The file's MRR and churn as revenue, through the one booking engine (server/revenue/engine.ts). */
async function bookImportedRevenue(tx: Queryable, actor: Actor, rows: SQL, match: SQL, created: Set<number>) {
  const changed = await queryRows<{
    id: number;
    plan: string;
    status: string;
    churnedAt: string | null;
    convertedAt: string | null;
    signedUpAt: string;
    target: number | null;
  }>(
    tx,
    sql`select c.id, c.plan, c.status, c.churned_at as "churnedAt", c.converted_at as "convertedAt",
          c.signed_up_at as "signedUpAt", x.mrr_cents as target
        from ${rows} join customers c on ${match}
        where (x.mrr_cents is not null and x.mrr_cents * 12 <> c.arr_cents) or (c.status = 'churned' and c.arr_cents > 0)
        order by c.id`,
  );
  for (const customer of changed) {
    const effectiveAt = created.has(customer.id) ? new Date(customer.convertedAt ?? customer.signedUpAt) : new Date();
    if (customer.target !== null) await setCustomerMrr(tx, actor, customer, customer.target, effectiveAt);
    if (customer.status === "churned")
      await endSubscriptions(tx, actor, customer.id, new Date(customer.churnedAt ?? Date.now()));
  }
}

/** Subscription rows through the same path as the API's: a re-imported row with nothing new is skipped. */
async function importSubscriptions(tx: Queryable, chunk: Record<string, unknown>[], actor: Actor, start: number) {
  try {
    const outcomes = await applySubscriptionStates(
      tx,
      actor,
      chunk.map((row) => ({
        item: row as ApiSubscription,
        customerId: Number(row.customerId),
        hash: createHash("sha256").update(JSON.stringify(row)).digest("hex"),
      })),
    );
    const count = (status: string) => outcomes.filter((o) => o.status === status).length;
    return { created: count("created"), updated: count("updated"), skipped: count("unchanged") };
  } catch (error) {
    if (!(error instanceof SubscriptionItemError)) throw error;
    // The header is row 1.
    throw new ValidationError(message("import.rowRefused", { row: start + error.position + 2, problem: error.text }));
  }
}

async function importInteractions(tx: Queryable, chunk: Record<string, unknown>[], actor: Actor) {
  const booked = await bookInteractions(
    tx,
    chunk.map((r) => ({
      customerId: Number(r.customerId),
      typeKey: String(r.type),
      occurredAt: r.occurredAt as Date,
      weight: (r.weight as number | undefined) ?? null,
      direction: (r.direction as Direction | undefined) ?? "inbound",
      channel: (r.channel as Channel | undefined) ?? "other",
      summary: (r.summary as string | undefined) ?? "",
      externalId: String(r.externalId),
      payloadHash: createHash("sha256").update(JSON.stringify(r)).digest("hex"),
    })),
    // One audit row for the whole file (runImport), not one per chunk.
    { actor, source: "import", audit: "by the caller", milestoneReason: "Imported interaction" },
  );
  const created = booked.filter((row) => row.booked).length;
  return { created, updated: 0, skipped: chunk.length - created };
}
