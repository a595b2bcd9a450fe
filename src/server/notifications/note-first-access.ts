import "@/server/server-only";
import { LRUCache } from "lru-cache";
import { isNotified } from "../db/notification-store";
import { inPrisma } from "../db/queryable";
import type { Repository } from "../fhir/repository";
import { notify } from "./notify";

/**
 * The keys this process knows are written. Every view of a record by a professional checks its
 * key, and nearly every check finds it: one statement of the twelve of the professional's record
 * page (issue 16). Remembered for an hour: a notice is only ever deleted by the purge of notices a
 * year old (mail/outbox-queries.ts), after which the next visit tells the patient again, now at
 * most an hour later. Bounded, the oldest key going first; each process of the portal keeps its
 * own, and the database's unique key stays what makes a notice once. `ttlResolution: 0`: the age
 * of a key is read from the clock on each check, as the directory's caches do. With lru-cache's
 * default (1 ms) each check a millisecond after the last armed a timer to forget the clock's
 * reading: the check was 0.46 % of the professional's record's CPU in a V8 profile (issue 16);
 * has() called every 2 ms took 15-22 µs (median) with the default, 5-11 µs with 0.
 */
const written = new LRUCache<string, true>({ max: 20_000, ttl: 3_600_000, ttlResolution: 0 });

/**
 * Tells the patient the first time a professional opens their record (issue 15). Called once
 * the professional's read of the patient succeeded; the dedupe key makes every later visit a
 * no-op. An emergency access has its own, urgent notice.
 *
 * Every later visit (nearly all of them) only reads the key, outside any transaction: opening a
 * write transaction for an INSERT … ON CONFLICT DO NOTHING that inserts nothing cost each view
 * of the record three round trips through Prisma's transaction (issue 16). Two first visits at
 * the same instant both find no key and both try the insert; the unique key keeps one notice.
 */
export async function noteFirstAccess(repo: Repository, patientId: string): Promise<void> {
  const actor = repo.actor;
  if (actor.kind !== "practitioner" || actor.emergency?.patientId === patientId) return;
  const dedupeKey = `pro-first-access:${actor.practitionerId}:${patientId}`;
  if (written.has(dedupeKey)) return;
  if (!(await isNotified(dedupeKey))) {
    await repo.transaction(({ tx }) => notify(inPrisma(tx), { patientId, kind: "pro-first-access", dedupeKey }));
  }
  written.set(dedupeKey, true);
}
