import { markDocumentsSeen } from "@/server/documents/mark-new";
import { seeOther } from "@/server/http/see-other";
import { spacePostScope } from "@/server/http/space-post-scope";

/** POST: "mark everything as seen" (no document is new any more until the next one arrives). */
export async function POST(request: Request): Promise<Response> {
  const scope = await spacePostScope(request);
  if (scope instanceof Response) return scope;
  await markDocumentsSeen(scope.actor, new Date());
  return seeOther("/espace/documents");
}
