import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { AsyncHooksQuieter, createTrackedStorage } from "@/server/http/quiet-async-hooks";

/** Just what the quieter uses of a response: its close event. */
const response = () => new EventEmitter() as EventEmitter & ServerResponse;

/**
 * A request's store as Next keeps it: entered with run(), read again later by a continuation of
 * that request (a promise settled after a while). What the continuation reads is what the test sees.
 */
function requestWithStore(storage: ReturnType<typeof createTrackedStorage<string>>, store: string) {
  let release!: () => void;
  const later = new Promise<void>((resolve) => (release = resolve));
  const read = storage.run(store, () => later.then(() => storage.getStore()));
  return { release, read };
}

describe("AsyncHooksQuieter: Next's stores turned off once nothing handed to Next is in flight", () => {
  it("keeps a request's store while it is in flight, and for quietMs after its answer closed", async () => {
    const storage = createTrackedStorage<string>();
    const quieter = new AsyncHooksQuieter(40);
    const res = response();
    quieter.handedToNext(res);
    const request = requestWithStore(storage, "requête 1");
    res.emit("close");
    await sleep(5);
    request.release();
    expect(await request.read).toBe("requête 1");
  });

  it("turns the stores off quietMs after the last answer closed: a late continuation reads nothing", async () => {
    const storage = createTrackedStorage<string>();
    const quieter = new AsyncHooksQuieter(10);
    const res = response();
    quieter.handedToNext(res);
    const request = requestWithStore(storage, "requête 1");
    res.emit("close");
    await sleep(60);
    request.release();
    expect(await request.read).toBeUndefined();
  });

  it("waits for every request in flight: one closing while another runs turns nothing off", async () => {
    const storage = createTrackedStorage<string>();
    const quieter = new AsyncHooksQuieter(10);
    const [first, second] = [response(), response()];
    quieter.handedToNext(first);
    quieter.handedToNext(second);
    const running = requestWithStore(storage, "requête 2");
    first.emit("close");
    // A second close event of the same answer counts once.
    first.emit("close");
    await sleep(60);
    running.release();
    expect(await running.read).toBe("requête 2");
    second.emit("close");
    const late = requestWithStore(storage, "requête 3");
    await sleep(60);
    late.release();
    expect(await late.read).toBeUndefined();
  });

  it("a request that arrives before the quiet period ends keeps the stores on", async () => {
    const storage = createTrackedStorage<string>();
    const quieter = new AsyncHooksQuieter(30);
    const first = response();
    quieter.handedToNext(first);
    first.emit("close");
    await sleep(10);
    const next = response();
    quieter.handedToNext(next);
    const request = requestWithStore(storage, "requête 4");
    await sleep(60);
    request.release();
    expect(await request.read).toBe("requête 4");
    next.emit("close");
  });

  it("stores work again after being turned off: the next run() enables them", async () => {
    const storage = createTrackedStorage<string>();
    const quieter = new AsyncHooksQuieter(5);
    const res = response();
    quieter.handedToNext(res);
    res.emit("close");
    await sleep(30);
    const again = requestWithStore(storage, "requête 5");
    await sleep(5);
    again.release();
    expect(await again.read).toBe("requête 5");
  });
});
