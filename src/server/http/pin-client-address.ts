import type { IncomingMessage } from "node:http";
import { resolveClientAddress } from "./forwarded-address";

/**
 * Run by the portal's server on every request before Next or the FHIR handler sees it: the
 * X-Forwarded-For header is replaced by the single address resolved from the socket and the
 * trusted proxy hops (TRUSTED_PROXY_HOPS), so everything downstream that reads the header
 * (clientAddress) reads an address the client could not choose.
 */
export function pinClientAddress(req: IncomingMessage, trustedHops: number): void {
  const address = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedHops) ?? "unknown";
  req.headers["x-forwarded-for"] = address;
  const raw: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() !== "x-forwarded-for" && req.rawHeaders[i]!.toLowerCase() !== "x-real-ip") raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  raw.push("X-Forwarded-For", address);
  req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
  delete req.headers["x-real-ip"];
}
