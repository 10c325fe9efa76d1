import { spawnSync } from "node:child_process";
import postgres from "postgres";
import { UsageError } from "../run-script";
import { adminQuery, createDatabase, dropDatabase, withDatabase } from "@/testing/databases";
import { multiplyBook, vacuumBook } from "./multiply-book";

export type BookSpec = { customers: number; interactions: number; heavy: number; seed: number; now: string };
export type Book = BookSpec & {
  url: string;
  seedSeconds: number;
  reused: boolean;
  counts: { customers: number; interactions: number };
};

type Marker = BookSpec & { seedSeconds: number };

/**
 * Books up to this size are told customer by customer by the story generator (lib/demo/story.ts)
 * and booked through the booking engine. A larger book is a story book of BASE_CUSTOMERS copied
 * inside PostgreSQL (./multiply-book.ts): told one by one, 1,000,000 customers take hours.
 */
const STORY_BOOK_LIMIT = 100_000;
const BASE_CUSTOMERS = 20_000;

/** How a book of this spec is made: the story book to seed, and how many copies of it make the book. */
export function bookPlan(spec: BookSpec): { story: BookSpec; copies: number } {
  if (spec.customers <= STORY_BOOK_LIMIT) return { story: spec, copies: 1 };
  const copies = spec.customers / BASE_CUSTOMERS;
  // The heavy timeline is added once after copying, so the copies must add up to the rest.
  const perCopy = (spec.interactions - spec.heavy) / copies;
  if (!Number.isInteger(copies) || !Number.isInteger(perCopy))
    throw new UsageError(
      `A book above ${STORY_BOOK_LIMIT.toLocaleString("en")} customers is made of copies of ${BASE_CUSTOMERS.toLocaleString("en")}: --customers must be a multiple of ${BASE_CUSTOMERS}, and --interactions less --heavy a multiple of the number of copies.`,
    );
  return { story: { ...spec, customers: BASE_CUSTOMERS, interactions: perCopy, heavy: 0 }, copies };
}

/** The bench book lives in its own database; its spec and seed time are kept in the database's comment. */
async function readMarker(serverUrl: string, name: string): Promise<Marker | null | "missing"> {
  const admin = postgres(withDatabase(serverUrl, "postgres"), { max: 1, onnotice: () => {} });
  try {
    const rows =
      await admin`select shobj_description(oid, 'pg_database') as comment from pg_database where datname = ${name}`;
    if (rows.length === 0) return "missing";
    try {
      return JSON.parse(String(rows[0].comment)) as Marker;
    } catch {
      return null;
    }
  } finally {
    await admin.end();
  }
}

function sameSpec(a: BookSpec, b: BookSpec) {
  return (
    a.customers === b.customers &&
    a.interactions === b.interactions &&
    a.heavy === b.heavy &&
    a.seed === b.seed &&
    a.now === b.now
  );
}

/** Reuses the bench database when it holds this spec; otherwise builds it with the seed generator and times it. */
export async function ensureBook(
  serverUrl: string,
  name: string,
  spec: BookSpec,
  fresh: boolean,
  log: (line: string) => void,
): Promise<Book> {
  const marker = await readMarker(serverUrl, name);
  const url = withDatabase(serverUrl, name);
  let seedSeconds: number;
  let reused = false;
  if (!fresh && marker && marker !== "missing" && sameSpec(marker, spec)) {
    seedSeconds = marker.seedSeconds;
    reused = true;
    log(`Reusing the book in database ${name} (seeded in ${seedSeconds.toFixed(0)} s).`);
  } else {
    const { story, copies } = bookPlan(spec);
    await dropDatabase(serverUrl, name);
    await createDatabase(serverUrl, name);
    log(
      `Seeding ${story.customers.toLocaleString("en")} customers and ${story.interactions.toLocaleString("en")} interactions into ${name}…`,
    );
    const started = performance.now();
    const seed = (...args: string[]) => {
      const seeded = spawnSync(
        process.execPath,
        ["node_modules/tsx/dist/cli.mjs", "scripts/seed.ts", "--seed", String(spec.seed), "--now", spec.now, ...args],
        { env: { ...process.env, DATABASE_URL: url }, stdio: "inherit" },
      );
      if (seeded.status !== 0) throw new Error("Seeding the bench book failed.");
    };
    seed(
      "--customers",
      String(story.customers),
      "--interactions",
      String(story.interactions),
      "--heavy-customer",
      String(story.heavy),
    );
    if (copies > 1) {
      log(`Copying it ${copies} times over inside PostgreSQL…`);
      await multiplyBook(url, copies, log);
      // One customer with the heaviest timeline in the whole book, not one per copy.
      if (spec.heavy > 0) seed("--add-heavy", String(spec.heavy));
    }
    // A book that has been in use has been vacuumed: do it now rather than let autovacuum go
    // through millions of fresh rows in the middle of the measurements.
    log("Vacuuming the new book…");
    await vacuumBook(url);
    seedSeconds = (performance.now() - started) / 1000;
    await adminQuery(serverUrl, `comment on database "${name}" is '${JSON.stringify({ ...spec, seedSeconds })}'`);
  }
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const [counts] =
    await client`select (select count(*) from customers)::int as customers, (select count(*) from interactions)::int as interactions`;
  await client.end();
  return {
    ...spec,
    url,
    seedSeconds,
    reused,
    counts: { customers: counts.customers, interactions: counts.interactions },
  };
}
