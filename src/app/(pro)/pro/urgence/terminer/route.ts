import { emergencyPostScope } from "@/server/emergency/emergency-post-scope";
import { endEmergencyAccess } from "@/server/emergency/end-emergency-access";
import { seeOther } from "@/server/http/see-other";

/**
 * POST, no field: ends the emergency access this session opened (end-emergency-access.ts), then
 * shows the record's page, which says it ended and when. Nothing of the request names the
 * record: a session has one emergency access at most, its own. With none open (already ended,
 * the hour over, another session's), the professional's home.
 */
export async function POST(request: Request): Promise<Response> {
  const scope = await emergencyPostScope(request);
  if (scope instanceof Response) return scope;
  const outcome = await endEmergencyAccess(scope.repo, scope.session.sessionId);
  return seeOther(outcome.ended ? `/pro/patients/${outcome.patientId}?urgence=terminee` : "/pro");
}
