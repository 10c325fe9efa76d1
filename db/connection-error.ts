const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "CONNECT_TIMEOUT",
]);
// Besides an unreachable server: connections cut by a restart or shutdown (57P0x), too many
// clients (53300), and SQLSTATE class 08 (connection exception).
const INTERRUPTED_CODES = new Set([
  "ECONNRESET",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

export const DATABASE_UNAVAILABLE_MESSAGE =
  "The database is unavailable right now. Nothing was saved; please try again in a moment.";

export class DatabaseUnreachableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseUnreachableError";
  }
}

/** The SQLSTATE (or driver code) of a database error, looking through wrappers' `cause`. */
export function databaseErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") return code;
  return databaseErrorCode((error as { cause?: unknown }).cause);
}

/** True when an error means the database cannot be reached or dropped the connection, not that a query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnreachableError) return true;
  const code = databaseErrorCode(error);
  return code !== undefined && (UNREACHABLE_CODES.has(code) || INTERRUPTED_CODES.has(code) || code.startsWith("08"));
}

/**
 * For what a page can do without (the bell's count, the pinned views in the navigation): null while
 * the database is unavailable, so a blip there leaves the page standing instead of failing it whole.
 */
export async function unlessDatabaseUnavailable<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (isDatabaseUnavailable(error)) return null;
    throw error;
  }
}

/** Turns a connection failure into a message naming the host, never the password. */
export function describeConnectionError(error: unknown, url: string): unknown {
  const code = databaseErrorCode(error);
  if (!code || !UNREACHABLE_CODES.has(code)) return error;
  let where = "the server in DATABASE_URL";
  try {
    const parsed = new URL(url);
    where = `${parsed.hostname}:${parsed.port || "5432"}`;
  } catch {
    // A URL postgres.js accepts but URL does not: keep the generic wording.
  }
  return new DatabaseUnreachableError(
    `Could not reach PostgreSQL at ${where} (DATABASE_URL): ${code}. Is the server running and the address right?`,
    { cause: error },
  );
}
