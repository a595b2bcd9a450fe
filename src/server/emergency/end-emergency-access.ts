import "@/server/server-only";
import { endOwnSessionEmergency } from "../db/session-emergency-store";
import type { Repository } from "../fhir/repository";

export type EndEmergencyOutcome = { ended: true; patientId: string; at: Date } | { ended: false };

/**
 * The emergency physician is done with the record she opened by emergency access: it closes at
 * once, where it stayed open to her until the hour ended. Only the access this very session
 * opened (the session's own emergency, from the server's session row, nothing from the request),
 * so no one ends another professional's, nor another session's of hers. The session's emergency
 * ends at this instant (emergencyUntil = now: check-session.ts then hands no emergency to the
 * actor, and decide() refuses the next page), in one transaction with the trail's row, which the
 * patient reads in her history and on her notice (emergency-notices.ts).
 */
export async function endEmergencyAccess(repo: Repository, sessionId: string): Promise<EndEmergencyOutcome> {
  const actor = repo.actor;
  if (actor.kind !== "practitioner" || !actor.emergency) return { ended: false };
  const { patientId, until } = actor.emergency;
  const at = repo.now();
  if (until <= at) return { ended: false };
  const ended = await repo.transaction(async (scope) => {
    if (!(await endOwnSessionEmergency(scope.tx, sessionId, patientId, at))) return false;
    await scope.audit({
      patientId,
      entity: `Patient/${patientId}`,
      interaction: "emergency-end",
      outcome: "success",
      detail: { plannedUntil: until.toISOString() },
    });
    return true;
  });
  return ended ? { ended: true, patientId, at } : { ended: false };
}
