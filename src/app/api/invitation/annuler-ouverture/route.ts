import { releaseAccountOpening } from "@/server/delegations/release-account-opening";
import { releasedAnswer } from "@/server/delegations/released-opening-flash";
import { now } from "@/server/clock";
import { env } from "@/server/env";
import { clientAddress, userAgentOf } from "@/server/http/client-address";
import { refuseCrossSite } from "@/server/http/check-origin";
import { readPlainForm } from "@/server/http/read-capped-body";
import { seeOther } from "@/server/http/see-other";
import { tokenSchema } from "../schema";

/**
 * POST (jeton): the invitee lets go of an account opening someone else began at their address,
 * from the link in their e-mail, without signing in (there is no account yet to sign in to). Only
 * a POST releases (the GET page shows a button): mail scanners that fetch links change nothing.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const form = (await readPlainForm(request)) ?? new FormData();
  const parsed = tokenSchema.safeParse({ jeton: form.get("jeton") });
  const outcome = parsed.success ? await releaseAccountOpening(parsed.data.jeton, { now: now(), address: clientAddress(request.headers), userAgent: userAgentOf(request.headers) }) : "invalid";
  return outcome === "invalid" ? seeOther("/invitation/ouverture/invalide") : releasedAnswer(outcome.declinedFrom);
}
