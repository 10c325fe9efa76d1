import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { DatabaseUnreachableError, describeConnectionError, unlessDatabaseUnavailable } from "./connection-error";

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

describe("what a page can do without", () => {
  it("is null while the database is unavailable (a restart's 57P01), and any other failure still fails", async () => {
    const restart = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
    expect(await unlessDatabaseUnavailable(Promise.reject(restart))).toBeNull();
    expect(await unlessDatabaseUnavailable(Promise.resolve(3))).toBe(3);
    const wrong = Object.assign(new Error('column "x" does not exist'), { code: "42703" });
    await expect(unlessDatabaseUnavailable(Promise.reject(wrong))).rejects.toThrow('column "x"');
  });
});
