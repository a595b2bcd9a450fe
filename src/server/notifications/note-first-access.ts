import "server-only";
import { inPrisma } from "../db/queryable";
import type { Repository } from "../fhir/repository";
import { notify } from "./notify";

/**
 * Tells the patient the first time a professional opens their record (issue 15). Called once
 * the professional's read of the patient succeeded; the dedupe key makes every later visit a
 * no-op (one INSERT … ON CONFLICT DO NOTHING). An emergency access has its own, urgent notice.
 */
export async function noteFirstAccess(repo: Repository, patientId: string): Promise<void> {
  const actor = repo.actor;
  if (actor.kind !== "practitioner" || actor.emergency?.patientId === patientId) return;
  await repo.transaction(({ tx }) =>
    notify(inPrisma(tx), { patientId, kind: "pro-first-access", dedupeKey: `pro-first-access:${actor.practitionerId}:${patientId}` }),
  );
}
