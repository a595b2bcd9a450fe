import "@/server/server-only";
import { roleAllowsBreakGlass } from "../access/break-glass";
import { practitionerAccess } from "../access/practitioner-decision";
import { inPrisma } from "../db/queryable";
import { hitRateLimit } from "../db/rate-limit-store";
import { notify } from "../notifications/notify";
import { setSessionEmergency } from "../db/session-emergency-store";
import type { Repository } from "../fhir/repository";
import { EMERGENCY_DURATION_MS, type EmergencyRequest } from "./emergency-request";

export type EmergencyOutcome =
  | { ok: true; patientId: string; until: Date; alreadyAuthorised: boolean }
  | { ok: false; reason: "refused" | "throttled" | "role" };

/** Attempts per practitioner per hour: enough for a real emergency, too few to browse patients. */
export const EMERGENCY_ATTEMPTS_PER_HOUR = 10;

/**
 * Break-glass: a practitioner who is not authorised opens a patient's record for one hour,
 * read-only, with a typed reason. Only where the patient left emergency access on and has not
 * blocked this practitioner. No match, several matches, a refusal or a block all give the same
 * answer, so the form tells nobody whether a patient exists. Every attempt on an existing
 * patient is in their trail (with the reason), the successful one as "emergency-access".
 *
 * Only professionals whose role allows it (the directory's PractitionerRole, break-glass.ts)
 * may try at all: the others are told so before any patient is looked up. The session's
 * emergency and its audit row are written in one transaction: never one without the other.
 */
export async function openEmergencyAccess(
  repo: Repository,
  sessionId: string,
  request: EmergencyRequest,
): Promise<EmergencyOutcome> {
  const actor = repo.actor;
  if (actor.kind !== "practitioner") return { ok: false, reason: "refused" };
  const now = repo.now();
  const limit = await hitRateLimit(`emergency:${actor.practitionerId}`, EMERGENCY_ATTEMPTS_PER_HOUR, 3600 * 1000, now);
  if (!limit.allowed) return { ok: false, reason: "throttled" };
  if (!roleAllowsBreakGlass(await repo.ownPractitionerRoles(), now)) return { ok: false, reason: "role" };

  const matches = await repo.matchPatientsForEmergency(request.criteria);
  if (matches.length !== 1) return { ok: false, reason: "refused" };
  const patientId = matches[0] ?? "";
  const until = new Date(now.getTime() + EMERGENCY_DURATION_MS);
  const rules = await repo.rules(patientId);
  const access = practitionerAccess({ ...actor, emergency: { patientId, until, reason: request.reason } }, rules, now);
  if (access.ground === "none") {
    await repo.audit({
      patientId,
      entity: `Patient/${patientId}`,
      interaction: "emergency-access",
      outcome: "denied",
      reason: access.reason,
      detail: { reason: request.reason },
    });
    return { ok: false, reason: "refused" };
  }
  if (access.ground === "authorised") return { ok: true, patientId, until, alreadyAuthorised: true };
  // The session's emergency, its trail row and the patient's notice (in the portal and always by
  // e-mail) commit together.
  const opened = await repo.transaction(async (scope) => {
    if (!(await setSessionEmergency(scope.tx, sessionId, patientId, until))) return false;
    await scope.audit({
      patientId,
      entity: `Patient/${patientId}`,
      interaction: "emergency-access",
      outcome: "success",
      detail: { reason: request.reason, until: until.toISOString() },
    });
    await notify(inPrisma(scope.tx), { patientId, kind: "emergency-access", urgent: true });
    return true;
  });
  if (!opened) return { ok: false, reason: "refused" };
  return { ok: true, patientId, until, alreadyAuthorised: false };
}
