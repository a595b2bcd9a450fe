import { getCurrentSession } from "@/server/auth/current-session";
import { registrationOptions } from "@/server/auth/passkeys";
import { emailOfAccount } from "@/server/db/account-store";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";

/** "Mon compte": WebAuthn creation options for a new passkey of the signed-in account. */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const session = await getCurrentSession();
  if (!session) return Response.json({ error: "unauthorized" }, { status: 401 });
  const email = (await emailOfAccount(session.account.id)) ?? session.account.displayName;
  const options = await registrationOptions({ id: session.account.id, email, displayName: session.account.displayName }, new Date());
  return Response.json(options, { headers: { "cache-control": "no-store" } });
}
