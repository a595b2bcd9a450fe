import "@/server/server-only";
import type { Actor } from "../access/actor";
import { hitRateLimit } from "../db/rate-limit-store";
import { tooManyRequests } from "../fhir/errors";
import { errorResponse } from "./responses";

/**
 * Writes through the API are counted per account in a fixed window (shared by every process
 * through the rate_limit table). Reads are not: they are cheap, and the benchmark drives them.
 */
export type WriteLimit = { limit: number; windowMs: number };

export const DEFAULT_WRITE_LIMIT: WriteLimit = { limit: 300, windowMs: 60_000 };

function keyOf(actor: Actor): string {
  switch (actor.kind) {
    case "link":
      return `link:${actor.linkId}`;
    case "system":
      return `system:${actor.purpose}`;
    default:
      return `account:${actor.accountId}`;
  }
}

/** A 429 response when the actor's window is full, undefined otherwise. */
export async function refuseOverWriteLimit(actor: Actor, limit: WriteLimit, now = new Date()): Promise<Response | undefined> {
  const hit = await hitRateLimit(`fhir-write:${keyOf(actor)}`, limit.limit, limit.windowMs, now);
  if (hit.allowed) return undefined;
  const retryAfter = Math.max(1, Math.ceil((hit.resetAt.getTime() - now.getTime()) / 1000));
  return errorResponse(tooManyRequests(), { "retry-after": String(retryAfter) });
}
