import { cancelByToken } from "@/server/delegations/cancel-invitation";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { seeOther } from "@/server/http/see-other";
import { tokenSchema } from "../schema";
import { readPlainForm } from "@/server/http/read-capped-body";

/**
 * POST (jeton): the patient's one-click cancel from an e-mail, without signing in. Only a POST
 * cancels (the GET page shows a button): mail scanners that fetch links change nothing.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const form = (await readPlainForm(request)) ?? new FormData();
  const parsed = tokenSchema.safeParse({ jeton: form.get("jeton") });
  const outcome = parsed.success ? await cancelByToken(parsed.data.jeton) : "invalid";
  return seeOther(outcome === "cancelled" ? "/invitation/annuler/fait" : "/invitation/annuler/invalide");
}
