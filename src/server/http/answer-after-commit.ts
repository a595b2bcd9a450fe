import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * A page's answer held back until its audit rows are committed, so that the page is rendered
 * while the commit is under way rather than after it.
 *
 * Why: a page's audit rows go in one INSERT, committed before anything read is sent (issue 16:
 * "audit rows stay committed before the answer"). Waiting for that commit before rendering put
 * the two one after the other: on the pages bench's world, sequential views, the INSERT took
 * 1.7-2.1 ms and what followed it (React's render, gzip) 2.4-2.7 ms of a documents page's
 * 8.9 ms. Held here, the commit and the render overlap, and the guarantee is the same: no byte
 * of the answer, not even its head, leaves before the commit has succeeded; if it fails, the
 * rendered page is dropped and the person gets the error page instead (as when the INSERT failed
 * before the render).
 *
 * Two sides, one per bundle (the portal's server and Next's page chunks are built apart, hence a
 * registered symbol on the request rather than a module's state):
 * - the server holds the answers of the page views it serves itself (`holdAnswer`,
 *   direct-pages.ts);
 * - the page's code hands its commit over (`answerAfter`), or, where nothing holds the answer
 *   (Next's own router: `DIRECT_PAGES=off`, `next dev`), waits for it itself.
 */
const HOLD = Symbol.for("espace-sante.answer-after-commit");

type Hold = (commit: Promise<unknown>) => void;
type HeldRequest = IncomingMessage & { [HOLD]?: Hold };

/**
 * For a page's code: the answer to this request leaves only once `commit` has succeeded. Resolves
 * at once when the server holds the answer; otherwise only once `commit` has (and rejects with it).
 */
export async function answerAfter(req: IncomingMessage, commit: Promise<unknown>): Promise<void> {
  const hold = (req as HeldRequest)[HOLD];
  if (!hold) return void (await commit);
  hold(commit);
  // The render that follows takes the thread in one go, promise after promise, and the commit's
  // statement goes out on a tick the database pool queued when it was asked (pg-pool hands over
  // an idle connection on process.nextTick): without this, the INSERT left after the render, and
  // nothing overlapped. Ticks run in order, so this one resolves once the statement is sent.
  await new Promise<void>((resolve) => process.nextTick(resolve));
}

/**
 * For the server, before the page runs: whatever the page writes (head and body) waits for the
 * commits it hands over with `answerAfter`, in the order it was written. A failed commit: nothing
 * written is sent, the response's own methods are put back, and `fail` answers instead.
 */
export function holdAnswer(req: IncomingMessage, res: ServerResponse, fail: (error: unknown) => void): void {
  const pending: Promise<unknown>[] = [];
  (req as HeldRequest)[HOLD] = (commit) => {
    // Handled here at once: a commit that fails before the page writes is not an unhandled rejection.
    commit.catch(() => {});
    pending.push(commit);
  };
  const own = { write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  let queue: Promise<void> | undefined;
  let failed = false;
  const held = <A extends unknown[], R>(method: (this: ServerResponse, ...args: A) => R, answer: () => R) =>
    function (this: ServerResponse, ...args: A): R {
      // Nothing to wait for and nothing waiting: straight through (the pages that read nothing).
      if (!queue && pending.length === 0) return method.apply(this, args);
      const commits = Promise.all(pending.splice(0));
      queue = (queue ?? Promise.resolve())
        .then(() => commits)
        .then(
          () => void (failed || method.apply(res, args)),
          (error: unknown) => {
            if (failed) return;
            failed = true;
            Object.assign(res, own);
            fail(error);
          },
        )
        // The response's own method threw, later than its caller could see: the answer is cut short.
        .catch(() => void res.destroy());
      return answer();
    };
  res.write = held(own.write as (this: ServerResponse, ...args: unknown[]) => boolean, () => true) as ServerResponse["write"];
  res.end = held(own.end as (this: ServerResponse, ...args: unknown[]) => ServerResponse, () => res) as ServerResponse["end"];
  res.flushHeaders = held(own.flushHeaders, () => undefined);
}
