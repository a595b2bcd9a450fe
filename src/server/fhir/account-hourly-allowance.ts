import "@/server/server-only";
import type { Actor } from "../access/actor";
import { counterFor } from "../db/rate-limit-counter";
import type { Queryable } from "../db/queryable";

const WINDOW_MS = 60 * 60_000;

/**
 * One act of `actor`'s account counted against an hourly allowance shared by every door and every
 * process (flushEvery 1: the allowances are small, so each hit is written through). Answers the
 * seconds to wait when the allowance is spent, undefined when the act may go. A share link and the
 * system have no account and are not counted. The messages' and the record copies' limits
 * (message-rate-limit.ts, record-copy-limit.ts) each say why their number.
 */
export function hitAccountHourlyAllowance(db: Queryable, actor: Actor, counter: string, limit: number, now: Date): number | undefined {
  if (actor.kind === "link" || actor.kind === "system") return undefined;
  const hit = counterFor(db, counter, { limit, windowMs: WINDOW_MS, flushEvery: 1 }).hit(`${counter}:account:${actor.accountId}`, now.getTime());
  return hit.allowed ? undefined : Math.max(1, Math.ceil(hit.retryAfterMs / 1000));
}
