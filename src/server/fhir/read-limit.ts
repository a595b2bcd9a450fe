import "@/server/server-only";
import type { Actor } from "../access/actor";
import { counterFor, type RateLimitCounter } from "../db/rate-limit-counter";
import type { Queryable } from "../db/queryable";
import { env } from "../env";
import { FhirError } from "./errors";

/**
 * Reads and searches of patient data, counted per signed-in account (case 45): every one of
 * them may leave a row in a patient's trail, so an account that could send thousands a minute
 * could bury a patient's real entries under its refused attempts.
 *
 * 300 a minute by default (READS_PER_MINUTE): a person opening a page every second or two, each
 * page a few reads, stays far under it, and so does a client app fetching a whole record page by
 * page (a hundred resources a search); a script hammering the API is cut to five a second. Link
 * holders have their own limit per link (sharing/link-policy.ts), the system none.
 */
export const READ_WINDOW_MS = 60_000;

export class ReadLimited extends FhirError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, "throttled", "Trop de demandes en peu de temps : patientez un instant puis réessayez.");
  }
}

export function readLimitKey(actor: Actor): string | undefined {
  return actor.kind === "link" || actor.kind === "system" ? undefined : `reads:account:${actor.accountId}`;
}

function readCounterFor(db: Queryable): RateLimitCounter {
  return counterFor(db, "reads", { limit: env().READS_PER_MINUTE, windowMs: READ_WINDOW_MS });
}

function refusal(retryAfterMs: number): ReadLimited {
  return new ReadLimited(Math.max(1, Math.ceil(retryAfterMs / 1000)));
}

/** Counts one read or search of `actor`; throws ReadLimited (429) once the window is full. */
export function countRead(db: Queryable, actor: Actor, now: Date): void {
  const key = readLimitKey(actor);
  if (!key) return;
  const hit = readCounterFor(db).hit(key, now.getTime());
  if (!hit.allowed) throw refusal(hit.retryAfterMs);
}

/** For pages, before they render: the refusal the next read would meet, without counting it. */
export function readRefusal(db: Queryable, actor: Actor, now: Date): ReadLimited | undefined {
  const key = readLimitKey(actor);
  const hit = key ? readCounterFor(db).wouldRefuse(key, now.getTime()) : undefined;
  return hit && !hit.allowed ? refusal(hit.retryAfterMs) : undefined;
}
