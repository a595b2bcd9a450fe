import { env } from "@/server/env";
import { optionalRequestScope } from "@/server/documents/request-repository";
import { refuseCrossSite } from "@/server/http/check-origin";
import { seeOther } from "@/server/http/see-other";
import { unauthorized } from "@/server/http/unauthorized";
import { openMyNotification } from "@/server/notifications/mark-read";
import { now } from "@/server/clock";

/** POST: mark one notification read and go to its page, in its space; someone else's answers 404 like a missing one. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const scope = await optionalRequestScope();
  if (!scope) return unauthorized();
  const link = await openMyNotification(scope, (await params).id, now());
  if (!link) return new Response("Notification introuvable", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return seeOther(link);
}
