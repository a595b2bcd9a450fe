import type { IncomingMessage } from "node:http";
import { resolveClientAddress } from "./forwarded-address";

/**
 * What a proxy in front of the portal says of a request (the host and scheme the browser used)
 * and that the client itself could write. Believed only when TRUSTED_PROXY_HOPS says a proxy is
 * there, which must then set them itself (nginx: `proxy_set_header X-Forwarded-Host $host`).
 */
const PROXY_ONLY = new Set(["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"]);

/**
 * Run by the portal's server on every request before Next or the FHIR handler sees it: the
 * X-Forwarded-For header is replaced by the single address resolved from the socket and the
 * trusted proxy hops (TRUSTED_PROXY_HOPS), so everything downstream that reads the header
 * (clientAddress) reads an address the client could not choose.
 *
 * With no proxy trusted, the client's own X-Forwarded-Host, -Proto, -Port and Forwarded go too:
 * the cross-site check compares a form's Origin with the host the request was sent to, read from
 * X-Forwarded-Host first (check-origin.ts, as Next does for its server actions), so a client that
 * sent `Origin: https://evil.example` with `X-Forwarded-Host: evil.example` passed it (found by
 * an exploratory test of the demo). A browser cannot add that header to a cross-site form, but a
 * check that believes what the request says of itself is not a check.
 */
export function pinClientAddress(req: IncomingMessage, trustedHops: number): void {
  const address = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedHops) ?? "unknown";
  req.headers["x-forwarded-for"] = address;
  const dropped = (name: string) => name === "x-forwarded-for" || name === "x-real-ip" || (trustedHops === 0 && PROXY_ONLY.has(name));
  const raw: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (!dropped(req.rawHeaders[i]!.toLowerCase())) raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  raw.push("X-Forwarded-For", address);
  req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
  delete req.headers["x-real-ip"];
  if (trustedHops === 0) for (const name of PROXY_ONLY) delete req.headers[name];
}
