import { currentFactorProven } from "@/server/accounts/current-factor-proven";
import { getCurrentSession } from "@/server/auth/current-session";
import { registrationOptions } from "@/server/auth/passkeys";
import { emailOfAccount } from "@/server/db/account-store";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { clientAddress, userAgentOf } from "@/server/http/client-address";
import { readPlainForm } from "@/server/http/read-capped-body";

/**
 * "Mon compte": WebAuthn creation options for a new passkey of the signed-in account. A passkey
 * signs its holder in alone, and outlives a password change: an open session is not enough to
 * add one (a computer left signed in, a stolen cookie), the current factor is asked as for the
 * password or the TOTP app (form field `code`: a code of the app or a recovery code, unless this
 * session proved it at sign-in moments ago). The registration then needs the challenge given
 * here, bound to this browser and account (passkeys.ts), so the proof covers it.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const session = await getCurrentSession();
  if (!session) return Response.json({ error: "unauthorized" }, { status: 401 });
  const now = new Date();
  const form = await readPlainForm(request);
  const code = form?.get("code");
  const proven = await currentFactorProven(session.account.id, now, "passkey-add", {
    sessionId: session.sessionId,
    currentFactor: typeof code === "string" ? code.slice(0, 32) : "",
    address: clientAddress(request.headers),
    userAgent: userAgentOf(request.headers),
  });
  if (proven !== true) return Response.json({ error: proven }, { status: 403, headers: { "cache-control": "no-store" } });
  const email = (await emailOfAccount(session.account.id)) ?? session.account.displayName;
  const options = await registrationOptions({ id: session.account.id, email, displayName: session.account.displayName }, now);
  return Response.json(options, { headers: { "cache-control": "no-store" } });
}
