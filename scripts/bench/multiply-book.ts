import postgres from "postgres";

/** Columns that point at a customer or an interaction: shifted with the copy they belong to. */
const CUSTOMER_REFERENCES = new Set(["customer_id", "referred_by_id", "referred_customer_id"]);
const INTERACTION_REFERENCES = new Set(["interaction_id", "prompt_interaction_id"]);

type Index = { name: string; definition: string };

/**
 * Turns a seeded book into `copies` copies of itself inside PostgreSQL, set-based: every table
 * that belongs to a customer is inserted again from itself × `generate_series`, with customer,
 * interaction and row ids shifted by the copy's number times the table's largest id, so every
 * reference stays inside its own copy and every ledger figure stays what the booking engine
 * computed. E-mails and external ids get the copy's number so unique keys hold. Secondary indexes
 * are dropped first and built again after the load.
 */
export async function multiplyBook(url: string, copies: number, log: (line: string) => void): Promise<void> {
  if (copies < 2) return;
  const db = postgres(url, { max: 1, onnotice: () => {} });
  const tables: string[] = [];
  const maxIds = new Map<string, number>();
  let indexes: Index[];
  try {
    for (const { table } of await db<{ table: string }[]>`
        select c.table_name as table from information_schema.columns c
        join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.column_name = 'customer_id'
        order by pg_relation_size(c.table_name::regclass) desc`)
      tables.push(table);
    tables.push("customers");
    for (const { table } of await db<{ table: string }[]>`
        select table_name as table from information_schema.columns
        where table_schema = 'public' and column_name = 'id' and table_name = any(${tables})`) {
      const [{ max }] = await db.unsafe(`select coalesce(max(id), 0)::bigint as max from "${table}"`);
      maxIds.set(table, Number(max));
    }
    indexes = await db<Index[]>`
      select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
      from pg_index i left join pg_constraint c on c.conindid = i.indexrelid
      where i.indrelid::regclass::text = any(${tables}) and c.oid is null
      order by pg_relation_size(i.indrelid) desc`;
    for (const index of indexes) await db.unsafe(`drop index ${index.name}`);
  } finally {
    await db.end();
  }

  const shift = (table: string, column: string) => {
    const quoted = `"${column}"`;
    if (column === "id") return `${quoted} + k * ${maxIds.get(table)}`;
    if (CUSTOMER_REFERENCES.has(column)) return `${quoted} + k * ${maxIds.get("customers")}`;
    if (INTERACTION_REFERENCES.has(column)) return `${quoted} + k * ${maxIds.get("interactions")}`;
    if (column === "subscription_id") return `${quoted} + k * ${maxIds.get("subscriptions")}`;
    if (column === "external_id") return `${quoted} || '~' || k`;
    if (table === "customers" && column === "email") return `replace(${quoted}, '@', '+' || k || '@')`;
    return quoted;
  };
  let started = performance.now();
  for (const table of tables) {
    const columns = await oneQuery(
      url,
      (db) => db<{ name: string }[]>`
        select column_name as name from information_schema.columns
        where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'
        order by ordinal_position`,
    );
    // Half the copies on each core, each reading only the first copy's rows (the other half may
    // have committed). The copies are consistent by construction: checking 50,000,000 foreign
    // keys one row at a time would take longer than writing them.
    await twoAtATime(
      url,
      [0, 1].map(
        (half) => `set session_replication_role = replica;
          insert into "${table}" (${columns.map((c) => `"${c.name}"`).join(", ")})
          select ${columns.map((c) => shift(table, c.name)).join(", ")}
          from "${table}", generate_series(1, ${copies - 1}) as k
          where k % 2 = ${half} and ${table === "customers" ? "id" : "customer_id"} <= ${maxIds.get("customers")}`,
      ),
    );
  }
  log(`  copied ${tables.length} tables in ${seconds(started)} s`);
  // The copies were written with triggers off: count the book's tallies and write its search text
  // again from its customers (the copied search rows hold the first copy's e-mails).
  await oneQuery(url, (db) => db`select rebuild_customer_tallies()`);
  await oneQuery(url, (db) => db`select rebuild_customer_search()`);
  await oneQuery(url, (db) =>
    db.unsafe(
      [...maxIds.keys()]
        .map(
          (table) =>
            `select setval(pg_get_serial_sequence('"${table}"', 'id'), coalesce((select max(id) from "${table}"), 0) + 1, false);`,
        )
        .join("\n"),
    ),
  );
  started = performance.now();
  await twoAtATime(
    url,
    indexes.map((index) => index.definition),
  );
  log(`  built ${indexes.length} indexes in ${seconds(started)} s`);
}

/** Vacuums and analyzes every table on two connections, largest first: a fresh book as one in use. */
export async function vacuumBook(url: string): Promise<void> {
  const tables = await oneQuery(
    url,
    (db) => db<{ table: string }[]>`
      select relname as table from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace
      order by pg_relation_size(oid) desc`,
  );
  await twoAtATime(
    url,
    tables.map(({ table }) => `vacuum (analyze) "${table}"`),
  );
}

/** Runs the statements on two connections (one per core), each taking the next when it is done. */
async function twoAtATime(url: string, statements: readonly string[]): Promise<void> {
  const queue = [...statements];
  const worker = async () => {
    const db = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await db`set maintenance_work_mem = '1GB'`;
      await db`set max_parallel_maintenance_workers = 0`;
      for (let statement = queue.shift(); statement; statement = queue.shift()) await db.unsafe(statement).simple();
    } finally {
      await db.end();
    }
  };
  await Promise.all([worker(), worker()]);
}

async function oneQuery<T>(url: string, query: (db: postgres.Sql) => Promise<T>): Promise<T> {
  const db = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await query(db);
  } finally {
    await db.end();
  }
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(0);
