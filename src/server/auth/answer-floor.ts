import "@/server/server-only";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Waits until `floorMs` have passed since `startedAt` (a `performance.now()` reading), for
 * answers whose time must not tell whether an address has an account: the work behind them
 * differs (a real account's is written down, an unknown address's is not), the answer must
 * not. The floor is set well above that work's time, so both answer at the floor; a timer may
 * fire a millisecond early. It costs a timer, not CPU.
 */
export async function keepAnswerFloor(startedAt: number, floorMs: number): Promise<void> {
  const left = startedAt + floorMs - performance.now();
  if (left > 0) await sleep(left);
}

/** Runs `work`, then waits until `floorMs` after it began, whether it returned or threw. */
export async function withAnswerFloor<T>(floorMs: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    await keepAnswerFloor(started, floorMs);
  }
}
