import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll } from "vitest";
import { type Database, db } from "@/db";
import * as schema from "@/db/schema";

const clients: postgres.Sql[] = [];
afterAll(() => Promise.all(clients.splice(0).map((client) => client.end({ timeout: 5 }))));

/** Runners on connections of their own, as separate app processes have; the embedded database has only one. */
export function separateConnections(count: number): Database[] {
  const url = process.env.DATABASE_URL;
  if (!url) return [db];
  return Array.from({ length: count }, () => {
    const client = postgres(url, { max: 1, onnotice: () => {} });
    clients.push(client);
    return drizzle(client, { schema, casing: "snake_case" });
  });
}
