import { currentActivation } from "@/server/accounts/activation-session";
import { registrationOptions } from "@/server/auth/passkeys";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";

/** Activation: WebAuthn creation options for this activation's account. */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const now = new Date();
  const activation = await currentActivation(now);
  if (!activation?.account.hasPassword) return Response.json({ error: "no activation" }, { status: 401 });
  return Response.json(await registrationOptions(activation.account, now), { headers: { "cache-control": "no-store" } });
}
