import { sql } from "drizzle-orm";
import fc from "fast-check";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { csvRow } from "@/lib/csv";
import { readImportUpload } from "./import-upload";
import { db, queryRows } from "@/db";
import { exportCustomersPage } from "./exports";
import { createCustomer, writeFingerprint } from "@/testing/factories";
import { FUZZ_SEED, HUGE_TEXT, nastyValue, NUL } from "@/testing/nasty-input";
import { type ImportPlan, prepareImport, type RowError, runImport } from "./csv-import";

const actor = { id: null, label: "bad input test" } as const;
const CUSTOMER_COLUMNS = {
  externalId: "id",
  name: "name",
  email: "email",
  company: "company",
  plan: "plan",
  mrr: "mrr",
  milestone: "milestone",
  signedUpAt: "signed_up_at",
};
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** Prepare and, when every row is valid, import: never a crash; a refused file writes nothing. */
async function importCsv(
  kind: "customers" | "interactions",
  csv: string,
  mapping: Record<string, string> = CUSTOMER_COLUMNS,
) {
  const before = await writeFingerprint();
  const prepared = await prepareImport(db, { kind, csv, mapping });
  if ("errors" in prepared) {
    for (const error of prepared.errors) {
      expect(error.row).toBeGreaterThanOrEqual(1);
      expect(error.message.length).toBeGreaterThan(0);
    }
    expect(await writeFingerprint()).toEqual(before);
    return { errors: prepared.errors };
  }
  return { result: await runImport(db, { plan: prepared.plan as ImportPlan, actor, onProgress: () => {} }) };
}

const errorsOf = (outcome: { errors?: RowError[] }) =>
  outcome.errors?.map(({ row, field, message }) => ({ row, field, message }));

beforeAll(async () => {
  await createCustomer({ externalId: "csv-known", email: "known@csv.test" });
});

describe("CSV import with bad input", () => {
  it("NUL bytes, broken characters, huge cells and odd numbers and dates are refused per row and field", async () => {
    const csv = [
      "id,name,email,company,plan,mrr,milestone,signed_up_at",
      `a-${unique()},Null${NUL}Byte,,,,,,`,
      `a-${unique()},${HUGE_TEXT},,,,,,`,
      `a-${unique()},Hex MRR,,,,0x10,,`,
      `a-${unique()},Infinite MRR,,,,1e309,,`,
      `a-${unique()},Huge MRR,,,,99999999999,,`,
      `a-${unique()},Exponent milestone,,,,,1e1,`,
      `a-${unique()},Ancient,,,,,,-271821-04-20T00:00:00Z`,
      `ext${NUL},Key with NUL,,,,,,`,
    ].join("\n");
    expect(errorsOf(await importCsv("customers", csv))).toEqual([
      { row: 2, field: "name", message: "Remove the invisible NUL character: it cannot be stored." },
      { row: 3, field: "name", message: "At most 120 characters." },
      { row: 4, field: "mrr", message: "'0x10' is not a number." },
      { row: 5, field: "mrr", message: "'1e309' is not a number." },
      { row: 6, field: "mrr", message: "Must be at most 1000000000 cents ($10,000,000 a month)." },
      { row: 7, field: "milestone", message: "'1e1' is not a number." },
      { row: 8, field: "signedUpAt", message: "Must not be before the year 2000." },
      { row: 9, field: "externalId", message: "Remove the invisible NUL character: it cannot be stored." },
    ]);
  });

  it("ragged rows and an unclosed quote are named by row; a byte-order mark is not part of the first column", async () => {
    const ragged = `id,name\nr-${unique()},Fine\nr-${unique()},Too,many,cells\nr-${unique()}\n`;
    expect(errorsOf(await importCsv("customers", ragged, { externalId: "id", name: "name" }))).toEqual([
      {
        row: 3,
        field: "(row)",
        message: "This row has more cells than the header; a value may contain an unquoted comma.",
      },
      {
        row: 4,
        field: "(row)",
        message: "This row has fewer cells than the header; a value may contain an unquoted line break.",
      },
      { row: 4, field: "name", message: "Required." },
    ]);
    const unclosed = `id,name\nq-${unique()},"Never closed\nq-${unique()},Next\n`;
    expect(errorsOf(await importCsv("customers", unclosed, { externalId: "id", name: "name" }))).toContainEqual({
      row: 2,
      field: "(row)",
      message: "A quoted cell is not closed properly (line 2): check the quotes around it.",
    });
    const externalId = `bom-${unique()}`;
    expect(
      await importCsv("customers", `\ufeffid,name\n${externalId},With BOM\n`, { externalId: "id", name: "name" }),
    ).toMatchObject({ result: { created: 1 } });
  });

  it("a mapping to a column the file lacks, or to __proto__, is a clear error instead of a crash", async () => {
    for (const column of ["__proto__", "constructor", "no such column", "toString"]) {
      expect(
        errorsOf(await importCsv("customers", `id,name\nm-${unique()},Ada\n`, { externalId: "id", name: column })),
        column,
      ).toEqual([{ row: 1, field: "name", message: `The column '${column}' is not in the file's header.` }]);
    }
  });

  it("the same email on two rows, or one another customer has, is named per row", async () => {
    const email = `twice-${unique()}@csv.test`;
    const csv = `id,name,email\ne-${unique()},One,${email}\ne-${unique()},Two,${email.toUpperCase()}\ne-${unique()},Three,known@csv.test\n`;
    expect(errorsOf(await importCsv("customers", csv, { externalId: "id", name: "name", email: "email" }))).toEqual([
      { row: 3, field: "email", message: "Same email as row 2." },
      { row: 4, field: "email", message: "Another customer already uses this email." },
    ]);
  });

  it("interactions: a reference with a NUL or a broken character is a row error, not a failed lookup", async () => {
    const at = new Date().toISOString();
    const csv = `id,customer,type,occurred_at,summary\ni-${unique()},csv${NUL}known,login,${at},x\ni-${unique()},csv-known,login\udc00,${at},x\ni-${unique()},csv-known,login,${at},${"y".repeat(501)}\n`;
    const mapping = {
      externalId: "id",
      customerExternalId: "customer",
      type: "type",
      occurredAt: "occurred_at",
      summary: "summary",
    };
    expect(errorsOf(await importCsv("interactions", csv, mapping))).toEqual([
      { row: 2, field: "customerExternalId", message: "Remove the invisible NUL character: it cannot be stored." },
      { row: 3, field: "type", message: "This contains a broken character (half of an emoji?): please retype it." },
      { row: 4, field: "summary", message: "At most 500 characters." },
    ]);
  });

  it("formula-shaped cells are imported as text and exported with a leading ' so a spreadsheet shows them instead of running them", async () => {
    const names = [
      '=HYPERLINK("http://evil.example","click")',
      "+SUM(A1:A9)",
      "-2+3",
      "@cmd",
      "<script>alert(1)</script>",
    ];
    const ids = names.map(() => `f-${unique()}`);
    const csv = Papa.unparse([["id", "name"], ...names.map((name, i) => [ids[i], name])]);
    expect(await importCsv("customers", csv, { externalId: "id", name: "name" })).toMatchObject({
      result: { created: names.length },
    });
    const stored = await queryRows<{ name: string }>(
      db,
      sql`select name from customers where external_id in ${ids} order by id`,
    );
    expect(stored.map((r) => r.name)).toEqual(names);

    const exported = (await exportCustomersPage(db, { afterId: null })).rows
      .filter((r) => ids.includes(r.externalId ?? ""))
      .map((r) => csvRow([r.externalId, r.name]))
      .join("");
    const cells = Papa.parse<string[]>(exported)
      .data.filter((row) => row.length === 2)
      .map(([, name]) => name);
    expect(cells).toEqual([
      '\'=HYPERLINK("http://evil.example","click")',
      "'+SUM(A1:A9)",
      "'-2+3",
      "'@cmd",
      "<script>alert(1)</script>",
    ]);
  });

  it("fuzzed files: row-numbered errors or a complete import with every cell stored as sent (trimmed), never a crash", async () => {
    const cell = nastyValue.filter((v): v is string => typeof v === "string").map((v) => v.slice(0, 300));
    const ragged = fc.array(fc.array(cell, { minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 6 });
    const wellFormed = fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 6 });
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          ragged.map((rows) => ({ ragged: rows })),
          wellFormed.map((rows) => ({ rows })),
        ),
        async (file) => {
          if ("ragged" in file) {
            await importCsv(
              "customers",
              `id,name,email,company,plan,mrr,milestone,signed_up_at\n${file.ragged.map((r) => r.join(",")).join("\n")}`,
            );
            return;
          }
          const rows = file.rows.map(([name, company]) => ({ id: `z-${unique()}`, name, company }));
          const outcome = await importCsv("customers", Papa.unparse(rows), {
            externalId: "id",
            name: "name",
            company: "company",
          });
          if (!outcome.result) return;
          imported++;
          const stored = await queryRows<{ external_id: string; name: string; company: string | null }>(
            db,
            sql`select external_id, name, company from customers where external_id in ${rows.map((r) => r.id)}`,
          );
          for (const row of rows) {
            expect(stored.find((r) => r.external_id === row.id)).toEqual({
              external_id: row.id,
              name: row.name.trim(),
              company: row.company.trim() || null,
            });
          }
        },
      ),
      { numRuns: 80, seed: FUZZ_SEED },
    );
    expect(imported).toBeGreaterThan(0);
  });
});

describe("the import upload", () => {
  const request = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request("http://localhost/settings/data/import", { method: "POST", body, headers });
  const form = (fields: Record<string, string | File>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    return data;
  };
  const csvFile = new File(["id,name\n1,Ada\n"], "customers.csv", { type: "text/csv" });

  it("a body that is not a form, or a form without its fields, is a 400 with what to send", async () => {
    const refused = { status: 400, message: "Choose what to import, a CSV file and the column mapping." };
    expect(await readImportUpload(request('{"kind":"customers"}', { "content-type": "application/json" }))).toEqual(
      refused,
    );
    expect(
      await readImportUpload(request("--x\r\nbroken", { "content-type": "multipart/form-data; boundary=x" })),
    ).toEqual(refused);
    expect(await readImportUpload(request(form({ kind: "customers", mapping: "{}" })))).toEqual(refused);
    expect(await readImportUpload(request(form({ kind: "people", mapping: "{}", file: csvFile })))).toEqual(refused);
    expect(await readImportUpload(request(form({ kind: "customers", mapping: "{not json", file: csvFile })))).toEqual(
      refused,
    );
    expect(await readImportUpload(request(form({ kind: "customers", mapping: '["name"]', file: csvFile })))).toEqual(
      refused,
    );
    expect(await readImportUpload(request(form({ kind: "customers", mapping: '{"name": 5}', file: csvFile })))).toEqual(
      refused,
    );
    expect(await readImportUpload(request(form({ kind: "customers", mapping: "{}", file: "id,name\n1,Ada" })))).toEqual(
      refused,
    );
  });

  it("a valid form gives the kind, the mapping and the file's text", async () => {
    expect(
      await readImportUpload(request(form({ kind: "customers", mapping: '{"name":"name"}', file: csvFile }))),
    ).toEqual({
      upload: { kind: "customers", mapping: { name: "name" }, csv: "id,name\n1,Ada\n" },
    });
  });
});
