import { env } from "@/server/env";
import { markDocumentsSeen } from "@/server/documents/mark-new";
import { optionalRequestScope } from "@/server/documents/request-repository";
import { refuseCrossSite } from "@/server/http/check-origin";
import { seeOther } from "@/server/http/see-other";
import { unauthorized } from "@/server/http/unauthorized";
import { lostSpaceAnswer } from "@/server/http/lost-space-answer";

/** POST: "mark everything as seen" (no document is new any more until the next one arrives). */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const scope = await optionalRequestScope();
  if (!scope) return unauthorized();
  const lost = lostSpaceAnswer(scope, request);
  if (lost) return lost;
  await markDocumentsSeen(scope.actor, new Date());
  return seeOther("/espace/documents");
}
