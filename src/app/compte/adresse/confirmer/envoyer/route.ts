import { confirmEmailChange } from "@/server/accounts/change-email";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { clientAddress, userAgentOf } from "@/server/http/client-address";
import { seeOther } from "@/server/http/see-other";
import { readPlainForm } from "@/server/http/read-capped-body";

/** Confirms the new address from its link; then on to sign-in (or home when signed in). */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const form = await readPlainForm(request);
  const token = form?.get("token");
  const ok = typeof token === "string" && (await confirmEmailChange(token.slice(0, 64), new Date(), { address: clientAddress(request.headers), userAgent: userAgentOf(request.headers) }));
  return seeOther(ok ? "/connexion?erreur=adresse-confirmee" : "/connexion?erreur=adresse-refusee");
}
