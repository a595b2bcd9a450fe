/**
 * The client's address as this server should believe it. Without trusted proxies (the default)
 * it is the socket's peer: an X-Forwarded-For written by the client proves nothing and is
 * ignored. With `hops` trusted proxies in front, each appends the address it received from, so
 * the entry `hops` places from the right is the one the outermost trusted proxy saw; anything
 * further left was written by the client. Pure, so the table of cases is a unit test.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string | undefined {
  const socket = normalise(socketAddress);
  if (hops <= 0) return socket;
  const joined = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const entries = joined.split(",").map((part) => part.trim()).filter(Boolean);
  if (entries.length === 0) return socket;
  // Fewer entries than proxies: the furthest one any proxy wrote.
  return normalise(entries[Math.max(entries.length - hops, 0)]);
}

/** "::ffff:203.0.113.9" (an IPv4 peer on a dual-stack socket) reads as the IPv4 address. */
function normalise(address: string | undefined): string | undefined {
  if (!address) return undefined;
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}
