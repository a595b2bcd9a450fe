import type { RequestContext } from "../audit/audit-entry";

/**
 * The client's address, for throttling and audit rows. Next's server sets X-Forwarded-For to
 * the socket's address when the header is absent; behind a reverse proxy that appends to it,
 * the last entry is the one our own proxy saw. A client talking to the app directly can write
 * this header itself, which is why sign-in throttling never relies on the address alone (the
 * per-account window holds whatever the address says). Deployments put a proxy in front that
 * overwrites the header.
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
