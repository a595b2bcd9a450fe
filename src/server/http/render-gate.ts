import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * At most `limit` page renders at once in this process; the others wait their turn, first come
 * first served.
 *
 * Why: one process renders on one core. With 50 pages in flight, Node interleaves all of them,
 * so every page finishes only when nearly all have (each waits ~50 render times), and the
 * half-built pages held at once fill the heap. A few at a time keeps the core as busy (a page
 * waiting on the database leaves room for another) while each finishes sooner. Measured at 50
 * connections on a warm server (issue 16): the heaviest page's p99 tail shrank (professional's
 * home 1.8–5.2 s without, 1.5–2.0 s with); on lighter pages the difference was within noise.
 *
 * How many (RENDER_CONCURRENCY, 12 by default): enough that the core has a page to work on while
 * the others wait on PostgreSQL (a page makes several round trips, then waits for its audit rows
 * to be committed), no more. Each time pages became cheaper to compute, the best number rose: 4
 * when a page cost five times the CPU it does now, 6 in the ninth session of issue 16 (against 4:
 * documents 1.28, the heavy pages 1.10-1.19; 8 no better than 6). Once page views skipped Next's
 * router (direct-pages.ts), six pages at once left the machine about a fifth idle under load
 * (vmstat: 20-24 % idle at 50 connections on the documents page). Measured on the pages bench's
 * held world, one build, two servers, alternating rounds of 4 s at 50 connections, median ratio
 * of views served (scripts/bench/measured/pages-2026-12-04.txt, fourteenth session): 12 against
 * 6, documents 1.25, professional's record 1.23, prescriptions 1.19, document 1.15, history 1.14,
 * prescription 1.08; 12 against 8, documents 1.22, record 1.14, home 1.08, prescriptions 1.01;
 * 16 against 12, 0.91-1.04 with longer tails (more pages interleaved on the one core), as was
 * 24. A larger database pool with 12 (20 connections instead of 10) served fewer, 0.86-0.95.
 *
 * A slot is held only while the page is being worked out: it is given back at the answer's
 * first byte (our pages render whole before they stream), or when the connection closes. A
 * client that reads slowly therefore never holds one, nor can a few such clients stall the
 * portal; only GET and HEAD enter (see `gated`), so neither can a slowly sent body.
 */
export class RenderGate {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  run(res: ServerResponse, handle: () => void): void {
    if (this.active < this.limit) return this.start(res, handle);
    this.queue.push(() => this.start(res, handle));
  }

  /** How many wait (for tests and the bench). */
  get waiting(): number {
    return this.queue.length;
  }

  private start(res: ServerResponse, handle: () => void) {
    this.active++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.active--;
      this.queue.shift()?.();
    };
    onFirstByte(res, release);
    res.once("finish", release);
    res.once("close", release);
    // A client that went away while waiting: nothing to render for it.
    if (res.destroyed || res.socket?.destroyed) return release();
    handle();
  }
}

/**
 * Calls `then` once, when the response's head or first chunk is about to be written. Node has
 * no event for it, so this response's own writeHead, write and end are wrapped (the prototype's
 * are untouched). The wrappers stay: Next wraps these same methods afterwards to compress the
 * answer, and its wrappers call ours; putting the originals back would drop its compression
 * half-way through a page (a gzip header over a plain body).
 */
function onFirstByte(res: ServerResponse, then: () => void) {
  const { writeHead, write, end } = res;
  let called = false;
  const first = () => {
    if (called) return;
    called = true;
    then();
  };
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    first();
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
  res.write = function (this: ServerResponse, ...args: Parameters<ServerResponse["write"]>) {
    first();
    return write.apply(this, args);
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, ...args: Parameters<ServerResponse["end"]>) {
    first();
    return end.apply(this, args);
  } as ServerResponse["end"];
}

/**
 * Requests that wait for a slot: page views (GET, HEAD). Not the build's static files (no
 * render), nor a stored file streaming out, nor any request with a body (form posts, uploads,
 * server actions): a client sending its body slowly would hold a slot all along.
 */
export function gated(req: IncomingMessage, pathname: string): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (pathname.startsWith("/_next/static/") || pathname === "/favicon.ico" || pathname === "/icon.svg") return false;
  return !/^\/api\/documents\/[^/]+\/file$/.test(pathname);
}
