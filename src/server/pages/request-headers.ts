import "@/server/server-only";
import type { IncomingMessage } from "node:http";

/**
 * A Pages Router request's headers as a Fetch `Headers`, what the session and audit helpers read.
 * As Next's own server does for `headers()`: the socket's address when nothing in front named
 * one (the portal's server always does: pin-client-address.ts).
 */
export function headersOf(req: Pick<IncomingMessage, "headers" | "socket">): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  if (!headers.has("x-forwarded-for") && req.socket?.remoteAddress) headers.set("x-forwarded-for", req.socket.remoteAddress);
  return headers;
}
