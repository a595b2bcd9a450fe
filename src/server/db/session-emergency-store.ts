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
