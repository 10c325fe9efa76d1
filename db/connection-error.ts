const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "CONNECT_TIMEOUT"]);

export class DatabaseUnreachableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseUnreachableError";
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") return code;
  return errorCode((error as { cause?: unknown }).cause);
}

/** Turns a connection failure into a message naming the host, never the password. */
export function describeConnectionError(error: unknown, url: string): unknown {
  const code = errorCode(error);
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
