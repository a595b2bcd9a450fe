import "@/server/server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { staticSecurityHeaders, transportSecurityHeaders } from "../http/security-headers";
import { handleFhirRequest } from "./handle-request";
import { callerFromRequest } from "./request-caller";
import { toResponse } from "./responses";

/**
 * The FHIR API answered straight from Node's HTTP server (src/server/portal-server.ts), with
 * the handler the Next route uses (handle-request.ts): same checks, same repository, same audit.
 * What it skips is Next's routing and proxy, about 1.5 ms of CPU a request here, which capped
 * the API at ~650 requests/s on these machines whatever the database did (issue 3).
 * So it does what those did for the API: the security headers, the client's address, and the
 * decoding of path segments.
 */
export const FHIR_PREFIX = "/api/fhir/R4";

/** The request's URL, normalised ("..", "%2e") the way Next's router would see it. */
export function requestUrl(req: IncomingMessage, origin: string): URL {
  return new URL(req.url ?? "/", origin);
}

export function isFhirPath(pathname: string): boolean {
  return pathname === FHIR_PREFIX || pathname.startsWith(`${FHIR_PREFIX}/`);
}

/** The segments after the prefix, decoded like Next's catch-all params; an undecodable one stays as sent (and matches nothing). */
export function fhirSegments(pathname: string): string[] {
  return pathname
    .slice(FHIR_PREFIX.length)
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

/** The API's answers are data, never a page: nothing to run, frame or keep. Lower-case names, built once. */
const API_HEADERS = new Map(
  [false, true].map((production) => [
    production,
    Object.fromEntries(
      Object.entries({
        ...staticSecurityHeaders(),
        ...transportSecurityHeaders(production),
        "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
        "Cache-Control": "no-store, max-age=0",
      }).map(([key, value]) => [key.toLowerCase(), value]),
    ),
  ]),
);

function toRequest(req: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  // As Next's server does: the socket's address when no proxy in front has named one.
  if (!headers.has("x-forwarded-for") && req.socket.remoteAddress) headers.set("x-forwarded-for", req.socket.remoteAddress);
  const method = req.method ?? "GET";
  const init: RequestInit & { duplex?: "half" } =
    method === "GET" || method === "HEAD" ? { method, headers } : { method, headers, body: Readable.toWeb(req) as ReadableStream, duplex: "half" };
  return new Request(url, init);
}

async function send(req: IncomingMessage, res: ServerResponse, response: Response, production: boolean): Promise<void> {
  const head = req.method === "HEAD";
  const headers: Record<string, string> = { ...API_HEADERS.get(production) };
  // Headers iterates lower-case names: the handler's own values win.
  response.headers.forEach((value, key) => (headers[key] = value));
  const body = Buffer.from(await response.arrayBuffer());
  headers["content-length"] = String(body.length);
  // A body refused before its end (too large, no session…) was cut off, and the connection with
  // it: say so, or the client would send its next request down a connection that is closing.
  if (!req.complete) headers["connection"] = "close";
  res.writeHead(response.status, headers);
  res.end(head ? undefined : body);
}

export async function serveFhir(req: IncomingMessage, res: ServerResponse, url: URL, production: boolean): Promise<void> {
  try {
    const request = toRequest(req, url);
    const response = await handleFhirRequest(request, fhirSegments(url.pathname), () => callerFromRequest(request));
    await send(req, res, response, production);
  } catch (error) {
    // handleFhirRequest answers every error itself; this is for a failure in the plumbing above.
    if (!res.headersSent) await send(req, res, toResponse(error), production);
    else res.destroy();
  }
}
