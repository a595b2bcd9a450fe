import { describe, expect, it } from "vitest";
import { APP_CONNECTIONS_AT_MOST, machineMemory, MEMORY_PER_PROCESS, portalProcesses, type ProcessesInput } from "@/server/portal-processes";

const GB = 1024 ** 3;

describe("how many processes of the portal's server run on one machine", () => {
  const server = { configured: undefined, onServer: true, connectionsPerProcess: 10, memoryBytes: 24 * GB };
  const cases: [string, ProcessesInput, number][] = [
    ["PGlite: one, whatever the cores", { ...server, onServer: false, cores: 8 }, 1],
    ["PGlite: one, even when more are asked (env refuses it first)", { ...server, onServer: false, configured: 4, cores: 8 }, 1],
    ["a server, unset: one per core", { ...server, cores: 2 }, 2],
    ["a server, one core: one", { ...server, cores: 1 }, 1],
    ["a server, many cores: as many as the database's connections allow", { ...server, cores: 64 }, APP_CONNECTIONS_AT_MOST / 10],
    ["a server, the default pool and read connections (10 + 2) on 64 cores: six", { ...server, cores: 64, connectionsPerProcess: 12 }, 6],
    ["a server, large pools: fewer processes", { ...server, cores: 16, connectionsPerProcess: 40 }, 2],
    ["a server, a pool larger than the budget: still one", { ...server, cores: 16, connectionsPerProcess: 200 }, 1],
    ["a container with 1 GB on a 16-core host: two", { ...server, cores: 16, memoryBytes: 1 * GB }, 2],
    ["a container with less than one process's memory: still one", { ...server, cores: 16, memoryBytes: 256 * 1024 * 1024 }, 1],
    ["a server, set to one: one on two cores", { ...server, configured: 1, cores: 2 }, 1],
    ["a server, set: as set, above the cores too", { ...server, configured: 6, cores: 2 }, 6],
  ];
  it.each(cases)("%s", (_, input, expected) => {
    expect(portalProcesses(input)).toBe(expected);
  });

  it("left to itself, stays within the cores, the connections and the memory", () => {
    for (let cores = 1; cores <= 128; cores++) {
      for (const connectionsPerProcess of [1, 5, 10, 20, 50, 80, 200]) {
        for (const memoryBytes of [0.25 * GB, 1 * GB, 4 * GB, 64 * GB]) {
          const n = portalProcesses({ configured: undefined, onServer: true, cores, connectionsPerProcess, memoryBytes });
          expect(n).toBeGreaterThanOrEqual(1);
          expect(n).toBeLessThanOrEqual(cores);
          if (n > 1) expect(n * connectionsPerProcess).toBeLessThanOrEqual(APP_CONNECTIONS_AT_MOST);
          if (n > 1) expect(n * MEMORY_PER_PROCESS).toBeLessThanOrEqual(memoryBytes);
        }
      }
    }
  });

  it("counts a container's memory limit, not an unlimited cgroup's 2^64", () => {
    expect(machineMemory(24 * GB, 2 ** 64)).toBe(24 * GB);
    expect(machineMemory(24 * GB, 2 * GB)).toBe(2 * GB);
    expect(machineMemory(24 * GB, 0)).toBe(24 * GB);
    expect(machineMemory(24 * GB, undefined)).toBe(24 * GB);
  });
});
