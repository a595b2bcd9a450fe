import type { RequestContext } from "../audit/audit-entry";

/**
 * The client's address, for throttling and audit rows. The portal's server
 * (src/server/portal-server.ts) replaces X-Forwarded-For on every request with the one address
 * it resolved from the socket and TRUSTED_PROXY_HOPS (pin-client-address.ts), so what is read
 * here is not the client's to choose. (`next dev` has no such step: there the header is the
 * client's word, which is acceptable on a developer's machine only.)
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  const candidate = last ?? headers.get("x-real-ip")?.trim();
  if (!candidate) return "unknown";
  // Only what an IPv4 or IPv6 address is made of, because it ends up in keys and audit rows.
  return /^[0-9a-fA-F:.]{1,64}$/.test(candidate) ? candidate : "invalid";
}

export function userAgentOf(headers: Headers): string | null {
  const value = headers.get("user-agent");
  // Control characters removed so a crafted agent cannot forge lines in logs or audit views.
  return value ? value.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 300) : null;
}

/** What the audit rows record of a request: where it came from, and the name to show for the agent. */
export function requestContextOf(headers: Headers, agentName: string): RequestContext {
  return { address: clientAddress(headers), userAgent: userAgentOf(headers) ?? undefined, agentName };
}
