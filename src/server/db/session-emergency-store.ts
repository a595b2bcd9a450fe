import "@/server/server-only";
import type { TransactionClient } from "./generated/prisma/internal/prismaNamespace";

/**
 * Records break-glass access on the session that opened it (AuthSession.emergencyPatientId and
 * emergencyUntil), which checkSession hands to the actor. Only a live session is changed. Runs
 * in the caller's transaction, the one that writes the access's audit row: the access is never
 * open without its trace.
 */
export async function setSessionEmergency(tx: TransactionClient, sessionId: string, patientId: string, until: Date): Promise<boolean> {
  const { count } = await tx.authSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { emergencyPatientId: patientId, emergencyUntil: until },
  });
  return count === 1;
}

/**
 * Ends the break-glass accesses open on a patient's record: every one when the patient refuses
 * emergency access, or only those of one professional's sessions (`practitionerRef`) when the
 * patient blocks them. Why, when decide() already shuts them from the next request: the refusal
 * or the block can be lifted again, and the access would then come back within its hour, without
 * a new reason, a new trail row or a new notice, for an opening the patient meant to stop
 * (found by an exploratory test: « Je ne reconnais pas cet accès », then « Débloquer »).
 */
export async function endSessionEmergencies(tx: TransactionClient, patientId: string, practitionerRef?: string): Promise<number> {
  const { count } = await tx.authSession.updateMany({
    where: { emergencyPatientId: patientId, ...(practitionerRef ? { account: { fhirRef: practitionerRef } } : {}) },
    data: { emergencyPatientId: null, emergencyUntil: null },
  });
  return count;
}

/**
 * Ends this session's own emergency access to this patient at `at`, when the professional ends it
 * herself (end-emergency-access.ts): only while it is open, and only on this session. The row
 * keeps the patient, so that the record's page says the access ended and when (check-session.ts).
 */
export async function endOwnSessionEmergency(tx: TransactionClient, sessionId: string, patientId: string, at: Date): Promise<boolean> {
  const { count } = await tx.authSession.updateMany({
    where: { id: sessionId, revokedAt: null, emergencyPatientId: patientId, emergencyUntil: { gt: at } },
    data: { emergencyUntil: at },
  });
  return count === 1;
}
