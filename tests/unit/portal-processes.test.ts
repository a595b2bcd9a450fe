import { describe, expect, it } from "vitest";
import { APP_CONNECTIONS_AT_MOST, portalProcesses, type ProcessesInput } from "@/server/portal-processes";

describe("how many processes of the portal's server run on one machine", () => {
  const cases: [string, ProcessesInput, number][] = [
    ["PGlite: one, whatever the cores", { configured: undefined, onServer: false, cores: 8, poolSize: 10 }, 1],
    ["PGlite: one, even when more are asked (env refuses it first)", { configured: 4, onServer: false, cores: 8, poolSize: 10 }, 1],
    ["a server, unset: one per core", { configured: undefined, onServer: true, cores: 2, poolSize: 10 }, 2],
    ["a server, one core: one", { configured: undefined, onServer: true, cores: 1, poolSize: 10 }, 1],
    ["a server, many cores: as many as the database's connections allow", { configured: undefined, onServer: true, cores: 64, poolSize: 10 }, APP_CONNECTIONS_AT_MOST / 10],
    ["a server, large pools: fewer processes", { configured: undefined, onServer: true, cores: 16, poolSize: 40 }, 2],
    ["a server, a pool larger than the budget: still one", { configured: undefined, onServer: true, cores: 16, poolSize: 200 }, 1],
    ["a server, set to one: one on two cores", { configured: 1, onServer: true, cores: 2, poolSize: 10 }, 1],
    ["a server, set: as set, above the cores too", { configured: 6, onServer: true, cores: 2, poolSize: 10 }, 6],
  ];
  it.each(cases)("%s", (_, input, expected) => {
    expect(portalProcesses(input)).toBe(expected);
  });

  it("never opens more connections than the budget when left to itself", () => {
    for (let cores = 1; cores <= 128; cores++) {
      for (const poolSize of [1, 5, 10, 20, 50, 80, 200]) {
        const n = portalProcesses({ configured: undefined, onServer: true, cores, poolSize });
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(cores);
        if (n > 1) expect(n * poolSize).toBeLessThanOrEqual(APP_CONNECTIONS_AT_MOST);
      }
    }
  });
});
