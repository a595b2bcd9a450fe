import { drive, type LoadResult } from "./drive";
import { median } from "./stats";

export type Target = { key: string; label: string; url: string; headers: Record<string, string> };

/**
 * Drives each target `rounds` times, the targets taking turns (ceiling, search, read, ceiling…),
 * so that a burst of other work on the machine falls on all of them rather than on one, and
 * reports for each the median of its rounds (requests/s, p50, p99) and the rounds themselves.
 */
export async function driveInRounds(targets: Target[], rounds: number, seconds: number): Promise<Record<string, LoadResult & { rounds: LoadResult[] }>> {
  const results = new Map<string, LoadResult[]>(targets.map((t) => [t.key, []]));
  for (let round = 0; round < rounds; round++) {
    for (const target of targets) results.get(target.key)!.push(await drive(target.label, target.url, target.headers, seconds));
  }
  return Object.fromEntries(
    targets.map((target) => {
      const all = results.get(target.key)!;
      return [
        target.key,
        {
          label: target.label,
          requestsPerSec: median(all.map((r) => r.requestsPerSec)),
          p50: median(all.map((r) => r.p50)),
          p99: median(all.map((r) => r.p99)),
          non2xx: all.reduce((sum, r) => sum + r.non2xx, 0),
          errors: all.reduce((sum, r) => sum + r.errors, 0),
          rounds: all,
        },
      ];
    }),
  );
}
