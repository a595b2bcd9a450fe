import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UploadTurns, UploadsBusy } from "@/server/http/upload-turns";

const BIG = 2 * 1024 * 1024;

/** A piece of work that ends when told to, recording when it started. */
function pending(log: string[], name: string) {
  let finish = () => {};
  const work = () =>
    new Promise<string>((resolve) => {
      log.push(`start ${name}`);
      finish = () => resolve(name);
    });
  return { work, finish: () => finish() };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("upload turns", () => {
  it("runs at most `limit` uploads at once, the next in the order they came", async () => {
    const turns = new UploadTurns(2, 10_000);
    const log: string[] = [];
    const [a, b, c, d] = ["a", "b", "c", "d"].map((name) => pending(log, name));
    const runs = [a, b, c, d].map((p) => turns.run(BIG, p!.work));
    await tick();
    expect(log).toEqual(["start a", "start b"]);
    expect(turns.counts).toEqual({ running: 2, waiting: 2 });
    b!.finish();
    await tick();
    expect(log).toEqual(["start a", "start b", "start c"]);
    a!.finish();
    c!.finish();
    await tick();
    d!.finish();
    expect(await Promise.all(runs)).toEqual(["a", "b", "c", "d"]);
    expect(turns.counts).toEqual({ running: 0, waiting: 0 });
  });

  it("lets a small body through without a turn", async () => {
    const turns = new UploadTurns(1, 10_000);
    const log: string[] = [];
    const big = pending(log, "big");
    const running = turns.run(BIG, big.work);
    await tick();
    expect(await turns.run(1000, async () => "small")).toBe("small");
    big.finish();
    await running;
  });

  it("tells a waiting upload to try again after the wait, and leaves the queue as it was", async () => {
    const turns = new UploadTurns(1, 20);
    const log: string[] = [];
    const big = pending(log, "big");
    const running = turns.run(BIG, big.work);
    await tick();
    await expect(turns.run(BIG, async () => "late")).rejects.toBeInstanceOf(UploadsBusy);
    expect(turns.counts).toEqual({ running: 1, waiting: 0 });
    big.finish();
    await running;
    expect(await turns.run(BIG, async () => "next")).toBe("next");
  });

  it("gives the turn back when the work throws", async () => {
    const turns = new UploadTurns(1, 1_000);
    await expect(turns.run(BIG, async () => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    expect(turns.counts).toEqual({ running: 0, waiting: 0 });
    expect(await turns.run(BIG, async () => "after")).toBe("after");
  });

  it("never runs more than the limit, whatever the arrivals, durations and failures", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.record({ delay: fc.integer({ min: 0, max: 3 }), fails: fc.boolean(), big: fc.boolean() }), { minLength: 1, maxLength: 20 }),
        async (limit, jobs) => {
          const turns = new UploadTurns(limit, 10_000);
          let inside = 0;
          let most = 0;
          await Promise.allSettled(
            jobs.map((job) =>
              turns.run(job.big ? BIG : 10, async () => {
                if (job.big) inside++;
                most = Math.max(most, inside);
                await new Promise((resolve) => setTimeout(resolve, job.delay));
                if (job.big) inside--;
                if (job.fails) throw new Error("refused");
              }),
            ),
          );
          expect(most).toBeLessThanOrEqual(limit);
          expect(turns.counts).toEqual({ running: 0, waiting: 0 });
        },
      ),
      { numRuns: 100 },
    );
  });
});
