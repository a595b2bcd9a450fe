import { AsyncLocalStorage } from "node:async_hooks";
import type { ServerResponse } from "node:http";

/**
 * Node 20's AsyncLocalStorage hooks switched off again once Next's App Router has nothing in
 * flight, so that the page views after a form post or a health check do not pay for them.
 *
 * Why: Next's app-route runtime (every route handler of src/app: the forms' posts, /api/health)
 * keeps its request state in AsyncLocalStorage instances and calls their run(). On Node 20 an
 * instance that has run once stays enabled for the life of the process, and while one is enabled
 * Node runs a promise hook on every promise, timer and tick of every later request, pages
 * included, though the Pages Router never reads those stores. Measured on the pages bench's world
 * (issue 16, scripts/bench/measured/pages-2026-12-04.txt, eighteenth session): self time in
 * node:async_hooks 153 µs per view of the professional's record on a server that had answered
 * /api/health once, 2.4 µs on one that never had; sequential views 3-5 % slower (documents
 * 1.053, record 1.034, prescription 1.053). Node 24 keeps these stores without async hooks
 * (AsyncContextFrame, behind a flag from 22.7); the machines and the image run Node 20. Measured
 * with this in place (same world, both servers asked /api/health first): at 50 connections, 1.06
 * times the documents views and 1.07 times the professional's record (pages-2026-12-05.txt).
 *
 * disable() is what Node offers to turn an instance off: "all current contexts linked to the
 * instance will be exited", and the hook goes when no instance is left enabled; the next run()
 * enables it again.
 *
 * Only the instances Next makes through `globalThis.AsyncLocalStorage` (its
 * createAsyncLocalStorage reads that global when its modules load) are tracked: a package that
 * imports AsyncLocalStorage from node:async_hooks itself keeps its own. They are turned off only
 * when no request handed to Next (App Router routes and pages, static files, anything not sent to
 * the Pages Router directly) has been in flight for QUIET_MS, so that work Next does just after
 * an answer closes still finds its stores. The page views the server hands to their entry points
 * (direct-pages.ts) are not counted: they never enter these stores (a CPU profile of such views
 * once the stores were off showed no hook at work, which any run() would have turned back on),
 * and React renders them with its Node build, whose own store is not Next's.
 */
export const QUIET_MS = 1_000;

const tracked = new Set<AsyncLocalStorage<unknown>>();

class TrackedAsyncLocalStorage<T> extends AsyncLocalStorage<T> {
  constructor() {
    super();
    tracked.add(this as AsyncLocalStorage<unknown>);
  }
}

/** Before Next's modules load: the instances Next then creates are tracked. */
export function trackNextAsyncStorage(): void {
  (globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage = TrackedAsyncLocalStorage;
}

/** An AsyncLocalStorage made as Next makes its own (for tests). */
export function createTrackedStorage<T>(): AsyncLocalStorage<T> {
  return new TrackedAsyncLocalStorage<T>();
}

export class AsyncHooksQuieter {
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly quietMs = QUIET_MS) {}

  /** A request handed to Next: in flight until its answer closes. */
  handedToNext(res: ServerResponse): void {
    this.inFlight++;
    clearTimeout(this.timer);
    this.timer = undefined;
    res.once("close", () => {
      if (--this.inFlight === 0) this.timer = setTimeout(() => this.quiet(), this.quietMs).unref();
    });
  }

  private quiet() {
    this.timer = undefined;
    if (this.inFlight > 0) return;
    for (const storage of tracked) storage.disable();
  }
}
