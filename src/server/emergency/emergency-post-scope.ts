import "@/server/server-only";
import { optionalRequestScope, type RequestScope } from "../documents/request-repository";
import { env } from "../env";
import { refuseCrossSite } from "../http/check-origin";
import { seeOther } from "../http/see-other";
import { unauthorized } from "../http/unauthorized";

/**
 * What the emergency forms' posts (open, end) check first: from one of our pages, a session, a
 * professional's (a patient is sent to her own space). The scope, or the answer that refuses.
 */
export async function emergencyPostScope(request: Request): Promise<RequestScope | Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const scope = await optionalRequestScope();
  if (!scope) return unauthorized();
  if (scope.actor.kind !== "practitioner") return seeOther("/espace");
  return scope;
}
