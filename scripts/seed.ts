import { closeDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { addHeavyTimeline, seedDemo } from "@/server/demo/seed";
import { runScript, UsageError } from "./run-script";
import { parseArgs } from "node:util";
import { BOOK_OPTIONS, bookFromOptions } from "./book-options";

runScript("db:seed", async () => {
  const { values } = parseArgs({
    options: {
      customers: { type: "string", default: "2000" },
      seed: { type: "string", default: "42" },
      now: { type: "string" },
      interactions: { type: "string" },
      "heavy-customer": { type: "string" },
      /** Only add the heavy timeline to the book already there (how the bench finishes a copied book). */
      "add-heavy": { type: "string" },
      ...BOOK_OPTIONS,
    },
  });
  const customers = Number(values.customers);
  const seed = Number(values.seed);
  if (!Number.isInteger(customers) || customers < 1)
    throw new UsageError("--customers must be a whole number of at least 1.");
  if (!Number.isInteger(seed)) throw new UsageError("--seed must be a whole number.");
  const interactions = values.interactions === undefined ? undefined : Number(values.interactions);
  if (interactions !== undefined && !(Number.isInteger(interactions) && interactions > 0))
    throw new UsageError("--interactions must be a whole number above 0.");
  const heavyCustomerInteractions = Number(values["heavy-customer"] ?? 0);
  if (!Number.isInteger(heavyCustomerInteractions) || heavyCustomerInteractions < 0)
    throw new UsageError("--heavy-customer must be a whole number of interactions.");
  // Dates are relative to the reference day, so a seed gives the same book all day long.
  const now = values.now ? new Date(values.now) : new Date(new Date().toISOString().slice(0, 10));
  if (Number.isNaN(now.getTime())) throw new UsageError("--now must be a date such as 2026-11-23.");

  const book = bookFromOptions(values);

  await migrateDatabase();
  if (values["add-heavy"] !== undefined) {
    const count = Number(values["add-heavy"]);
    if (!Number.isInteger(count) || count < 1) throw new UsageError("--add-heavy must be a whole number above 0.");
    const id = await addHeavyTimeline({ count, seed, now });
    console.log(id ? `Customer ${id} has ${count} more interactions.` : "No customer has been paying for a year.");
    await closeDatabase();
    return;
  }
  console.log(`Seeding ${customers} customers (seed ${seed}, reference date ${now.toISOString().slice(0, 10)})…`);
  const summary = await seedDemo({
    customers,
    seed,
    now,
    interactions,
    heavyCustomerInteractions,
    book,
    log: console.log,
  });
  console.log(
    `Seeded ${summary.customers} customers, ${summary.interactions} interactions, ${summary.delightMoments} delight moments in ${summary.seconds.toFixed(1)} s.` +
      (summary.heavyCustomerId
        ? ` Customer ${summary.heavyCustomerId} has the ${heavyCustomerInteractions} extra interactions.`
        : ""),
  );
  await closeDatabase();
});
