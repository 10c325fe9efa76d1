import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustProxy } from "./client-address";

describe("the client's address", () => {
  it("without TRUST_PROXY it is the socket's peer: a made-up X-Forwarded-For changes nothing", () => {
    const trust = parseTrustProxy(undefined);
    expect(clientAddress({ socket: "203.0.113.7", forwardedFor: null }, trust)).toBe("203.0.113.7");
    expect(clientAddress({ socket: "203.0.113.7", forwardedFor: "1.2.3.4" }, trust)).toBe("203.0.113.7");
    expect(clientAddress({ socket: "::ffff:203.0.113.7", forwardedFor: "1.2.3.4, 5.6.7.8" }, trust)).toBe(
      "203.0.113.7",
    );
  });

  it("with TRUST_PROXY=1 it is the address the proxy appended, never what the client wrote left of it", () => {
    const trust = parseTrustProxy("1");
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy at 10.0.0.2 appended the client's real 198.51.100.9.
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: "1.2.3.4, 198.51.100.9" }, trust)).toBe("198.51.100.9");
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: "198.51.100.9" }, trust)).toBe("198.51.100.9");
    // Reached without the proxy: the socket is all there is.
    expect(clientAddress({ socket: "198.51.100.9", forwardedFor: null }, trust)).toBe("198.51.100.9");
  });

  it("with TRUST_PROXY=2 it skips both proxies' entries", () => {
    const trust = parseTrustProxy("2");
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: "1.2.3.4, 198.51.100.9, 10.0.0.1" }, trust)).toBe(
      "198.51.100.9",
    );
  });

  it("with TRUST_PROXY listing addresses it skips only those from the right", () => {
    const trust = parseTrustProxy("10.0.0.1, 10.0.0.2");
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: "1.2.3.4, 198.51.100.9, 10.0.0.1" }, trust)).toBe(
      "198.51.100.9",
    );
    // A socket that is not a trusted proxy is the client, whatever it claims.
    expect(clientAddress({ socket: "203.0.113.7", forwardedFor: "10.0.0.1" }, trust)).toBe("203.0.113.7");
  });

  it("an unknown socket gives no address (no shared fallback key), and a malformed TRUST_PROXY is refused", () => {
    expect(clientAddress({ socket: null, forwardedFor: "1.2.3.4" }, null)).toBeNull();
    expect(() => parseTrustProxy("yes please")).toThrow(/TRUST_PROXY/);
  });
});
