import { env } from "@/server/env";
import { optionalRequestScope } from "@/server/documents/request-repository";
import { refuseCrossSite } from "@/server/http/check-origin";
import { seeOther } from "@/server/http/see-other";
import { unauthorized } from "@/server/http/unauthorized";
import { markAllMyNotificationsRead } from "@/server/notifications/mark-read";

/** POST: mark every notification the person sees as read. */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const scope = await optionalRequestScope();
  if (!scope) return unauthorized();
  await markAllMyNotificationsRead(scope);
  return seeOther(scope.session.account.kind === "practitioner" ? "/pro/notifications?lues=1" : "/espace/notifications?lues=1");
}
