/**
 * The header the HTTP guard (scripts/http-guard.mjs) sets on every request to the socket's peer
 * address, overwriting whatever a client sent under that name.
 */
export const SOCKET_ADDRESS_HEADER = "x-hourglass-socket-address";

export type TrustProxy = { hops: number } | { addresses: Set<string> } | null;

/**
 * TRUST_PROXY: unset trusts no proxy; a number trusts that many proxies in front of the app; a
 * comma-separated list trusts proxies at those addresses. Anything else is refused at start.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? "";
  if (text === "" || text === "0" || text === "false") return null;
  if (/^\d+$/.test(text)) return { hops: Number(text) };
  const addresses = text.split(",").map((part) => normalize(part.trim()));
  if (addresses.some((address) => !/^[0-9a-f.:]+$/i.test(address)))
    throw new Error(
      `TRUST_PROXY must be a number of proxies or a comma-separated list of their addresses, not "${value}".`,
    );
  return { addresses: new Set(addresses) };
}

/** ::ffff:127.0.0.1 (an IPv4 peer on a dual-stack socket) is 127.0.0.1. */
const normalize = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").toLowerCase();

/**
 * The client's address: the socket's peer unless proxies are trusted, and then read from the right
 * of X-Forwarded-For — each trusted proxy appended the address it received from, so the first
 * entry left of the trusted ones is the client. Entries further left were written by the client
 * and are never read. Null when the socket address is unknown (not served through the guard).
 */
export function clientAddress(
  { socket, forwardedFor }: { socket: string | null; forwardedFor: string | null },
  trust: TrustProxy,
): string | null {
  if (!socket) return null;
  const chain = [...(forwardedFor ?? "").split(",").map((part) => part.trim()), socket].filter(Boolean).map(normalize);
  if (!trust) return chain[chain.length - 1];
  if ("hops" in trust) return chain[Math.max(0, chain.length - 1 - trust.hops)];
  let index = chain.length - 1;
  while (index > 0 && trust.addresses.has(chain[index])) index--;
  return chain[index];
}
