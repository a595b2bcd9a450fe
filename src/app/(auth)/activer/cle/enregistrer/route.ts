import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { currentActivation } from "@/server/accounts/activation-session";
import { registerPasskey } from "@/server/auth/passkeys";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { userAgentOf } from "@/server/http/client-address";
import { describeDevice } from "@/lib/account/describe-device";
import { readPlainJson } from "@/server/http/read-capped-body";

/** Activation: the browser's new passkey, verified against the challenge this browser was given. */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const now = new Date();
  const activation = await currentActivation(now);
  if (!activation?.account.hasPassword) return Response.json({ error: "no activation" }, { status: 401 });
  const body = (await readPlainJson(request)) as RegistrationResponseJSON | undefined;
  const device = describeDevice(userAgentOf(request.headers));
  if (!body || typeof body !== "object" || !(await registerPasskey(activation.account.id, body, now, `${device.browser} (${device.system})`))) {
    return Response.json({ error: "refused" }, { status: 400 });
  }
  return Response.json({ ok: true });
}
