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
 * How many (RENDER_CONCURRENCY, 6 by default): enough that the core has a page to work on while
 * the others wait on PostgreSQL (a page makes several round trips, then waits for its audit rows
 * to be committed), no more. 4 was chosen when a page cost five times the CPU it does now; with
 * pages that cheap, four waiting at once left the process idle. Measured on the pages bench's held
 * world, one build, a server with 4 and one with 6, alternating rounds of 3 s at 50 connections
 * (scripts/bench/measured/pages-2026-12-03.txt, ninth session): views served, median round ratio,
 * documents 1.28, filtered 1.19, prescriptions 1.17, prescription 1.13, sharing, relatives and
 * prevention 1.12, the professional's record 1.11, history 1.10; the pages that hardly wait on the
 * database (the empty page, home, notifications, upload form) 0.98–1.02, p99 within noise in
 * 10 s rounds. 8 served as many documents pages as 6 but fewer of the professional's home
 * (0.91 of 6) with a longer tail; resident memory the same (peak 350 MB against 347).
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
