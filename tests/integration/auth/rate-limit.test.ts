import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hitRateLimit } from "@/server/db/rate-limit-store";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

const WINDOW = 60_000;

describe("fixed-window rate limit in the database", () => {
  it("allows up to the limit within a window, then refuses until the window has passed", async () => {
    const key = `test:${randomUUID()}`;
    const now = new Date();
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await hitRateLimit(key, 3, WINDOW, new Date(now.getTime() + i * 1000))).allowed);
    expect(answers).toEqual([true, true, true, false]);
    const next = await hitRateLimit(key, 3, WINDOW, new Date(now.getTime() + WINDOW));
    expect(next).toMatchObject({ allowed: true, count: 1 });
  });

  it("counts every one of many simultaneous hits", async () => {
    const key = `test:${randomUUID()}`;
    const now = new Date();
    const hits = await Promise.all(Array.from({ length: 40 }, () => hitRateLimit(key, 25, WINDOW, now)));
    expect(hits.filter((hit) => hit.allowed)).toHaveLength(25);
    expect(Math.max(...hits.map((hit) => hit.count))).toBe(40);
  });

  it("keeps separate keys apart", async () => {
    const now = new Date();
    const a = `test:${randomUUID()}`;
    await hitRateLimit(a, 1, WINDOW, now);
    expect((await hitRateLimit(a, 1, WINDOW, now)).allowed).toBe(false);
    expect((await hitRateLimit(`test:${randomUUID()}`, 1, WINDOW, now)).allowed).toBe(true);
  });
});
