import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { describeDevice } from "@/lib/account/describe-device";
import { getCurrentSession } from "@/server/auth/current-session";
import { registerPasskey } from "@/server/auth/passkeys";
import { recordAccountEvent } from "@/server/db/account-event-store";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { clientAddress, userAgentOf } from "@/server/http/client-address";

/** "Mon compte": the new passkey, verified against the challenge given to this browser. */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const session = await getCurrentSession();
  if (!session) return Response.json({ error: "unauthorized" }, { status: 401 });
  const now = new Date();
  const userAgent = userAgentOf(request.headers);
  const body = (await request.json().catch(() => undefined)) as RegistrationResponseJSON | undefined;
  const device = describeDevice(userAgent);
  if (!body || typeof body !== "object" || !(await registerPasskey(session.account.id, body, now, `${device.browser} (${device.system})`))) {
    return Response.json({ error: "refused" }, { status: 400 });
  }
  await recordAccountEvent({ accountId: session.account.id, kind: "passkey-added", at: now, address: clientAddress(request.headers), userAgent });
  return Response.json({ ok: true });
}
