import { cookies } from "next/headers";
import { currentActivation } from "@/server/accounts/activation-session";
import { finishActivation } from "@/server/accounts/finish-activation";
import { keepDeviceCookie } from "@/server/auth/keep-device-cookie";
import { currentAuthCookies } from "@/server/auth/session-token";
import { setSessionCookie } from "@/server/auth/set-session-cookie";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { clientAddress, userAgentOf } from "@/server/http/client-address";
import { seeOther } from "@/server/http/see-other";
import { invitationAfterActivation } from "@/server/delegations/invitation-after-activation";

/**
 * Activation done: the account is activated, this browser signed in and known to the account.
 * An account opened from a relative's invitation goes back to it, to accept
 * (invitation-after-activation.ts): it ended on the home page, which says nothing of it.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const now = new Date();
  const activation = await currentActivation(now);
  if (!activation) return seeOther("/activer?erreur=expire");
  const result = await finishActivation({
    challengeId: activation.challengeId,
    accountId: activation.account.id,
    now,
    address: clientAddress(request.headers),
    userAgent: userAgentOf(request.headers),
  });
  if (!result.ok) return seeOther("/activer/second-facteur");
  const jar = await cookies();
  const specs = currentAuthCookies();
  const invitation = await invitationAfterActivation(jar.get(specs.invitation.name)?.value, activation.account.id, now);
  jar.delete(specs.activation.name);
  jar.delete(specs.invitation.name);
  await setSessionCookie(result.sessionId);
  await keepDeviceCookie(activation.account.id, now);
  return seeOther(invitation ?? "/");
}
