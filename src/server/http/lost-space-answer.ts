import "@/server/server-only";
import { t } from "@/lib/i18n/messages";
import type { RequestScope } from "../documents/request-scope";
import { seeOther } from "./see-other";

/**
 * The answer to a form sent from a space its sender no longer reaches (a caregiver whose
 * delegation was withdrawn or ended while the page was open), or undefined to go on.
 *
 * Why a form route must ask: the session's actor is then the person themself
 * (actor-for-session.ts), so a form that acts in « the space » (an upload, a vaccination, a
 * message, a sharing choice) would land in their own record, which they never chose, where the
 * person's record now refuses them. Nothing is done; the browser is sent to the space's home
 * page, which says that the access has ended (403, lost-space.ts), and a script gets a 403.
 */
export function lostSpaceAnswer(scope: RequestScope, request: Request): Response | undefined {
  if (!scope.lostSpace) return undefined;
  if ((request.headers.get("accept") ?? "").includes("application/json")) {
    return Response.json({ error: t("lostSpace.title") }, { status: 403, headers: { "Cache-Control": "no-store" } });
  }
  return seeOther("/espace");
}
