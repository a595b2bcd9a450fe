import type { IncomingMessage, ServerResponse } from "node:http";
import { gzip, gzipSync } from "node:zlib";

/**
 * gzip for the page views this server hands to their entry points (direct-pages.ts): the answer
 * is compressed in one call, on this thread, when the page ends it, instead of through a zlib
 * stream per response as the `compression` middleware does (the one Next's router applies).
 *
 * Why: a Pages Router page is sent whole, `res.end(html)` with its Content-Length (Next's
 * send-payload.ts), so a stream buys nothing, and on these machines it cost more than the
 * compression itself. The stream hands each chunk to libuv's thread pool; in the CPU profile of
 * the documents page at 50 connections that hand-over (zlib's processChunk) took 327 µs of the
 * main thread per view, 8 % of its busy time (issue 16). gzipSync of the same 14.9 kB page takes
 * 187 µs at zlib's default level 6 and 59 µs at level 4 (3,127 bytes against 3,067: 2 % more);
 * level 1 is 41 µs but 8 % larger. Level 4 it is. Measured on the pages bench's world, two
 * servers of one build each, before and after, 3 alternating rounds of 5 s of the documents page
 * at 50 connections: the server process's CPU per view (its threads included) 3.11-3.27 ms
 * before, 2.73-2.95 after; views served 0.98-1.12 times as many, within the machine's noise.
 *
 * Same rules as the middleware where they apply to pages: Vary: Accept-Encoding on every
 * compressible answer, nothing compressed under 1 kB, for HEAD, for 204 and 304, with
 * Cache-Control: no-transform, or when the answer already has a Content-Encoding. An answer that
 * is written in pieces (res.write before res.end) or whose head was sent first (writeHead,
 * flushHeaders) goes out as it is, uncompressed: those are streams, and buffering them would
 * hold back their first bytes.
 *
 * An answer over 256 kB (no page of the portal comes near: the largest are about 26 kB) is
 * compressed on the thread pool instead, so that it never holds the event loop: about 1 ms of
 * compression per 256 kB of HTML at level 4 on these machines (0.96-1.13 ms measured).
 */
export const GZIP_LEVEL = 4;
const THRESHOLD = 1024;
const ON_THIS_THREAD_UP_TO = 256 * 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|[\w.+-]+\+(json|xml))\b|image\/svg\+xml\b)/i;

export function gzipWholeAnswer(req: IncomingMessage, res: ServerResponse, level = GZIP_LEVEL): void {
  const { write, end } = res;
  const endWith = end as (this: ServerResponse, chunk: Buffer, callback?: () => void) => ServerResponse;
  let streaming = false;
  res.write = function (this: ServerResponse, ...args: Parameters<ServerResponse["write"]>) {
    streaming = true;
    return write.apply(this, args);
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    res.write = write;
    res.end = end;
    const [chunk, encoding, callback] = splitEndArgs(args);
    if (streaming || res.headersSent) return end.apply(this, args as Parameters<ServerResponse["end"]>);
    if (chunk === undefined) {
      if (compressible(res)) appendVary(res);
      return end.apply(this, args as Parameters<ServerResponse["end"]>);
    }
    const body = typeof chunk === "string" ? Buffer.from(chunk, encoding) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (!compressible(res)) return endWith.call(this, body, callback);
    appendVary(res);
    if (!worthCompressing(req, res, body)) return endWith.call(this, body, callback);
    const send = (gzipped: Buffer) => {
      res.setHeader("Content-Encoding", "gzip");
      res.setHeader("Content-Length", gzipped.length);
      return endWith.call(this, gzipped, callback);
    };
    if (body.length <= ON_THIS_THREAD_UP_TO) return send(gzipSync(body, { level }));
    // Sent uncompressed if zlib fails (it does not on a Buffer, but the answer must go).
    gzip(body, { level }, (error, gzipped) => (error ? endWith.call(this, body, callback) : send(gzipped)));
    return this;
  } as ServerResponse["end"];
}

type Chunk = string | Uint8Array;

/** res.end's overloads: (cb), (chunk, cb), (chunk, encoding, cb). */
function splitEndArgs(args: unknown[]): [Chunk | undefined, BufferEncoding | undefined, (() => void) | undefined] {
  const [first, second, third] = args;
  if (typeof first === "function") return [undefined, undefined, first as () => void];
  const chunk = typeof first === "string" || first instanceof Uint8Array ? first : undefined;
  if (typeof second === "function") return [chunk, undefined, second as () => void];
  return [chunk, typeof second === "string" ? (second as BufferEncoding) : undefined, typeof third === "function" ? (third as () => void) : undefined];
}

function compressible(res: ServerResponse): boolean {
  const type = res.getHeader("Content-Type");
  return typeof type === "string" && COMPRESSIBLE.test(type);
}

function worthCompressing(req: IncomingMessage, res: ServerResponse, body: Buffer): boolean {
  if (req.method === "HEAD" || res.statusCode === 204 || res.statusCode === 304) return false;
  if (body.length < THRESHOLD) return false;
  if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(String(res.getHeader("Cache-Control") ?? ""))) return false;
  const encoding = String(res.getHeader("Content-Encoding") ?? "identity").toLowerCase();
  if (encoding !== "identity") return false;
  return acceptsGzip(req.headers["accept-encoding"]);
}

function appendVary(res: ServerResponse) {
  const vary = res.getHeader("Vary");
  const list = (Array.isArray(vary) ? vary.join(",") : String(vary ?? "")).split(",").map((v) => v.trim()).filter(Boolean);
  if (list.includes("*") || list.some((v) => v.toLowerCase() === "accept-encoding")) return;
  res.setHeader("Vary", [...list, "Accept-Encoding"].join(", "));
}

/**
 * Whether the client takes gzip (RFC 9110, 12.5.3): listed, or covered by "*", with a weight
 * above 0, and not below the weight it gives the uncompressed answer ("identity"), which is
 * acceptable unless it says otherwise. Written here rather than taken from a package: the
 * portal depends on no content negotiation library, and this is the one question it asks.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  const weights = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split("=");
      if (key === "q") q = Number(value);
    }
    if (!Number.isFinite(q)) q = 0;
    if (!weights.has(name)) weights.set(name, q);
  }
  const gzip = weights.get("gzip") ?? weights.get("x-gzip") ?? weights.get("*") ?? 0;
  // Unlisted, the uncompressed answer ranks below every listed coding (as `negotiator` ranks it).
  const identity = weights.get("identity");
  return gzip > 0 && (identity === undefined || gzip >= identity);
}
