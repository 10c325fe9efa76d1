import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { customers } from "@/db/schema";
import { bookInteraction } from "@/server/ledger/booking";
import { can, ROLES } from "@/lib/permissions";
import { createCustomer } from "@/testing/factories";
import { CUSTOMER_SEARCH_LIMIT, searchCustomers } from "./queries";

let sequence = 0;
/** A word no other test's customer contains, so each test searches only its own data. */
const word = () => `zq${Date.now().toString(36)}${(sequence++).toString(36)}`;

describe("Command palette: jump to any customer by name, email or company", () => {
  it("finds a customer by part of the name, of the email or of the company, in any case", async () => {
    const tag = word();
    const byName = await createCustomer({ name: `Harriet ${tag}son`, email: null, company: null });
    const byEmail = await createCustomer({ name: "Plain Name", email: `ops@${tag}.example`, company: null });
    const byCompany = await createCustomer({ name: "Other Name", email: null, company: `${tag.toUpperCase()} Works` });
    expect((await searchCustomers(db, { q: `harriet ${tag}` })).map((c) => c.id)).toEqual([byName.id]);
    expect((await searchCustomers(db, { q: `@${tag}.EXAMPLE` })).map((c) => c.id)).toEqual([byEmail.id]);
    expect((await searchCustomers(db, { q: `${tag} works` })).map((c) => c.id)).toEqual([byCompany.id]);
    expect(new Set((await searchCustomers(db, { q: tag })).map((c) => c.id))).toEqual(
      new Set([byName.id, byEmail.id, byCompany.id]),
    );
  });

  it("answers with the id, name, company and email only", async () => {
    const tag = word();
    const customer = await createCustomer({ name: `Ida ${tag}`, company: "Ida AG", email: `ida@${tag}.example` });
    expect(await searchCustomers(db, { q: tag })).toEqual([
      { id: customer.id, name: `Ida ${tag}`, company: "Ida AG", email: `ida@${tag}.example` },
    ]);
  });

  it(`offers at most ${CUSTOMER_SEARCH_LIMIT} customers, names starting with what was typed first, then by name`, async () => {
    const tag = word();
    for (let i = 0; i < 10; i++) await createCustomer({ name: `Acme ${tag} ${String(i).padStart(2, "0")}` });
    const starts = await createCustomer({ name: `${tag} First` });
    const found = await searchCustomers(db, { q: tag });
    expect(found).toHaveLength(CUSTOMER_SEARCH_LIMIT);
    expect(found.map((c) => c.name)).toEqual([
      `${tag} First`,
      ...Array.from({ length: 7 }, (_, i) => `Acme ${tag} 0${i}`),
    ]);
    expect(found[0].id).toBe(starts.id);
  });

  it("takes % and _ literally: '50%' finds '50% Off Ltd', not '500 Club'; 'a_b' does not match 'axb'", async () => {
    const tag = word();
    const percent = await createCustomer({ name: `50% Off ${tag}` });
    await createCustomer({ name: `500 Club ${tag}` });
    const underscore = await createCustomer({ name: `a_b ${tag}` });
    await createCustomer({ name: `axb ${tag}` });
    expect((await searchCustomers(db, { q: `50% off ${tag}` })).map((c) => c.id)).toEqual([percent.id]);
    expect((await searchCustomers(db, { q: "50%" })).map((c) => c.id)).toEqual([percent.id]);
    expect((await searchCustomers(db, { q: `a_b ${tag}` })).map((c) => c.id)).toEqual([underscore.id]);
    expect(await searchCustomers(db, { q: `%${tag}x` })).toEqual([]);
  });

  it("follows a rename, a new email and an erasure at once; a booking leaves the search text alone", async () => {
    const tag = word();
    const customer = await createCustomer({ name: `Greta ${tag}`, email: `greta@${tag}.example`, company: null });
    const searchText = async () =>
      (
        await queryRows<{ text: string; xmin: string }>(
          db,
          sql`select text, xmin::text from customer_search where customer_id = ${customer.id}`,
        )
      )[0];
    const before = await searchText();
    await bookInteraction(
      db,
      {
        customerId: customer.id,
        typeKey: "login",
        occurredAt: new Date(),
        weight: null,
        channel: "in_app",
        direction: "inbound",
        summary: "",
      },
      { actor: { id: null, label: "test" }, source: "system", audit: "by the caller" },
    );
    expect(await searchText()).toEqual(before);

    await db
      .update(customers)
      .set({ name: `Margarete ${tag}`, company: `${tag} Werke` })
      .where(eq(customers.id, customer.id));
    expect((await searchCustomers(db, { q: `margarete ${tag}` })).map((c) => c.id)).toEqual([customer.id]);
    expect((await searchCustomers(db, { q: `${tag} werke` })).map((c) => c.id)).toEqual([customer.id]);
    expect(await searchCustomers(db, { q: `greta ${tag}` })).toEqual([]);

    await db
      .update(customers)
      .set({ name: "Erased customer", email: null, company: null })
      .where(eq(customers.id, customer.id));
    expect(await searchCustomers(db, { q: tag })).toEqual([]);
    expect((await searchText()).text).toBe("erased customer  ");
  });

  it("an empty search finds nothing rather than everyone", async () => {
    expect(await searchCustomers(db, { q: "   " })).toEqual([]);
  });

  it("every role may search customers (the route asks for dashboard.read, which no role lacks)", () => {
    expect(ROLES.filter((role) => !can(role, "dashboard.read"))).toEqual([]);
  });
});
