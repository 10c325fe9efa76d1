import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { DatabaseUnreachableError, describeConnectionError } from "./connection-error";

describe("an unreachable DATABASE_URL", () => {
  it("fails fast with a message naming the host and port, never the password", async () => {
    const url = "postgres://postgres:s3cret@127.0.0.1:1/hourglass";
    const client = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
    const error = await client`select 1`.then(
      () => null,
      (e: unknown) => describeConnectionError(e, url),
    );
    await client.end();
    expect(error).toBeInstanceOf(DatabaseUnreachableError);
    expect((error as Error).message).toContain("127.0.0.1:1");
    expect((error as Error).message).not.toContain("s3cret");
  });
});
