import "server-only";
import { database } from "./client";

/**
 * Records break-glass access on the session that opened it (AuthSession.emergencyPatientId and
 * emergencyUntil), which checkSession hands to the actor. Only a live session is changed.
 */
export async function setSessionEmergency(sessionId: string, patientId: string, until: Date): Promise<boolean> {
  const { prisma } = await database();
  const { count } = await prisma.authSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { emergencyPatientId: patientId, emergencyUntil: until },
  });
  return count === 1;
}
