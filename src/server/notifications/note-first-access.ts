import "@/server/server-only";
import { isNotified } from "../db/notification-store";
import { inPrisma } from "../db/queryable";
import type { Repository } from "../fhir/repository";
import { notify } from "./notify";

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
  if (await isNotified(dedupeKey)) return;
  await repo.transaction(({ tx }) => notify(inPrisma(tx), { patientId, kind: "pro-first-access", dedupeKey }));
}
