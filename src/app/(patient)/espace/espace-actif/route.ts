import { now } from "@/server/clock";
import { z } from "zod";
import { getCurrentSession } from "@/server/auth/current-session";
import { switchSpace } from "@/server/auth/switch-space";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { seeOther } from "@/server/http/see-other";
import { SPACE_LANDINGS, type SpaceLanding } from "@/lib/delegations/space-landings";
import { switchLandingOf, switchReturnPathOf } from "@/lib/delegations/switch-return";
import { readPlainForm } from "@/server/http/read-capped-body";

/**
 * `suite`: where to land once switched; the relatives or the notifications page besides the home
 * page (never an address from the form). `retour`: a page to come back to, checked as a path of
 * this site (switch-return.ts): the invitation a patient opened in another's space. Either one
 * malformed answers as a refused switch, nothing switched.
 */
const input = z.object({
  patientId: z.uuid(),
  suite: z.enum(Object.keys(SPACE_LANDINGS) as [SpaceLanding, ...SpaceLanding[]]).optional(),
  retour: z.string().refine((value) => switchReturnPathOf(value) !== undefined).optional(),
});

/**
 * Switches the space the signed-in person acts in (their own, a dependant's, a patient who
 * delegated to them). A plain form post; the right is checked in switchSpace and again on
 * every later request.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const session = await getCurrentSession();
  if (!session) return seeOther("/connexion");
  const form = await readPlainForm(request);
  const parsed = input.safeParse({ patientId: form?.get("patientId"), suite: form?.get("suite") ?? undefined, retour: form?.get("retour") ?? undefined });
  // Not allowed looks like not found: nobody learns which patients exist.
  if (!parsed.success || !(await switchSpace(session, parsed.data.patientId, now()))) {
    return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  }
  const back = switchReturnPathOf(parsed.data.retour);
  return seeOther(back ? switchLandingOf(back) : (parsed.data.suite ? SPACE_LANDINGS[parsed.data.suite] : "/espace"));
}
