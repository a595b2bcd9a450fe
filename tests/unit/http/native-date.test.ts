import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import nextConfig from "../../../next.config";

/**
 * The portal's server puts Node's Date back once Next has wrapped it (src/server/http/native-date.ts):
 * Next's wrapper serves cacheComponents alone, and costs every date the pages build.
 */
describe("Node's Date, put back after Next has loaded", () => {
  it("is Node's own again: the global, the constructor of new dates, and Date.now", () => {
    const out = execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "tests/unit/http/fixtures/date-after-next.ts"], { encoding: "utf8" });
    expect(JSON.parse(out)).toEqual({ wrapped: true, restored: true, constructorOfDates: true, now: true });
  });

  it("only while cacheComponents is off: the only feature Next's wrapper serves", () => {
    expect((nextConfig as { cacheComponents?: boolean }).cacheComponents).toBeFalsy();
    expect((nextConfig.experimental as { cacheComponents?: boolean } | undefined)?.cacheComponents).toBeFalsy();
  });
});
