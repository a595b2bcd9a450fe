import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * At most `limit` requests inside Next at once in this process; the others wait their turn, first
 * come first served.
 *
 * Why: one process renders on one core. With 50 pages in flight, Node interleaves all of them,
 * so every page finishes only when nearly all have (each waits ~50 render times), and the
 * half-built pages held at once fill the heap, which costs extra garbage collection and memory
 * (measured in `npm run bench -- pages`: see issue 16). A few at a time keeps the core as busy
 * (a page waiting on the database leaves room for another) while each finishes sooner.
 *
 * The slot is given back when the response ends or the connection closes, whichever first; a
 * request body that streams (an upload) does not wait here: see `gated()`.
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
    res.once("finish", release);
    res.once("close", release);
    // A client that went away while waiting: nothing to render for it.
    if (res.destroyed || res.socket?.destroyed) return release();
    handle();
  }
}

/**
 * Requests that go through the gate: page views and form posts. Not the build's static files
 * (served from memory or disk, no render), nor the routes that stream a request body of up to
 * 20 MB (uploads, messages with an attachment) or a stored file out: a slow phone sending a
 * file would hold a slot for its whole upload.
 */
export function gated(req: IncomingMessage, pathname: string): boolean {
  if (pathname.startsWith("/_next/static/") || pathname === "/favicon.ico" || pathname === "/icon.svg") return false;
  if (/^\/api\/documents\/[^/]+\/file$/.test(pathname)) return false;
  if (req.method === "POST" && (pathname === "/api/documents" || pathname === "/api/messages")) return false;
  return true;
}
