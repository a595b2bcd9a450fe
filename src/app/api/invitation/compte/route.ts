import { cookies } from "next/headers";
import { z } from "zod";
import { typedDay } from "@/lib/dates/day-input";
import { currentAuthCookies } from "@/server/auth/session-token";
import { openCaregiverAccount } from "@/server/delegations/open-caregiver-account";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { clientAddress, userAgentOf } from "@/server/http/client-address";
import { seeOther } from "@/server/http/see-other";
import { isAfterToday } from "@/server/prevention/days";
import { readPlainForm } from "@/server/http/read-capped-body";

const name = z.string().trim().min(1).max(80).refine((v) => !/[\u0000-\u001f<>]/.test(v));
const input = z.object({ jeton: z.string().regex(/^[A-Za-z0-9_-]{43}$/), prenom: name, nom: name, naissance: typedDay() });

/**
 * POST (jeton, prenom, nom, naissance): a brand-new caregiver opens their account from the
 * invitation; the activation code goes to the invited address, then /activer takes it (code and
 * birth date, password, second factor), signed in at the end, and back on
 * the invitation to accept it (invitation-after-activation.ts reads the invitation cookie).
 */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const form = (await readPlainForm(request)) ?? new FormData();
  const jeton = form.get("jeton");
  const parsed = input.safeParse({ jeton, prenom: form.get("prenom"), nom: form.get("nom"), naissance: form.get("naissance") });
  if (!parsed.success) {
    return typeof jeton === "string" && /^[A-Za-z0-9_-]{43}$/.test(jeton) ? seeOther(`/invitation/${jeton}?erreur=formulaire`) : seeOther("/invitation/invalide");
  }
  const now = new Date();
  // Nobody is born tomorrow: a typo here would otherwise be the birth date the account is activated with.
  if (isAfterToday(parsed.data.naissance, now)) return seeOther(`/invitation/${parsed.data.jeton}?erreur=naissance`);
  const result = await openCaregiverAccount(parsed.data.jeton, {
    given: parsed.data.prenom,
    family: parsed.data.nom,
    birthDate: parsed.data.naissance,
    address: clientAddress(request.headers),
    userAgent: userAgentOf(request.headers),
    now,
  });
  if (!result.ok) return seeOther(`/invitation/${parsed.data.jeton}?erreur=${result.reason}`);
  // The link's secret, which this browser just sent: HttpOnly, for this browser alone, as long as
  // the activation, so that it ends on the invitation (invitation-after-activation.ts).
  const specs = currentAuthCookies();
  (await cookies()).set(specs.invitation.name, parsed.data.jeton, specs.invitation.options);
  // The code went to the invited address (open-caregiver-account.ts): the activation goes on with it.
  return seeOther("/activer?envoye=1");
}
