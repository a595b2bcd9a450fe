import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { describeDevice } from "@/lib/account/describe-device";
import { getCurrentSession } from "@/server/auth/current-session";
import { registerPasskey, type NewPasskey } from "@/server/auth/passkeys";
import { addPasskey } from "@/server/db/passkey-store";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { clientAddress, userAgentOf } from "@/server/http/client-address";
import { changeAndTellOwner } from "@/server/notifications/account-change-notice";
import { readPlainJson } from "@/server/http/read-capped-body";

/** "Mon compte": the new passkey, verified against the challenge given to this browser. */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const session = await getCurrentSession();
  if (!session) return Response.json({ error: "unauthorized" }, { status: 401 });
  const now = new Date();
  const userAgent = userAgentOf(request.headers);
  const body = (await readPlainJson(request)) as RegistrationResponseJSON | undefined;
  const device = describeDevice(userAgent);
  const trail = { at: now, address: clientAddress(request.headers), userAgent };
  // Stored with its trail row and the owner's notice, in one transaction (account-change-notice.ts).
  const save = (passkey: NewPasskey) =>
    changeAndTellOwner(session.account, "passkey-added", trail, async (db) => {
      await addPasskey(passkey, db);
      return true;
    });
  if (!body || typeof body !== "object" || !(await registerPasskey(session.account.id, body, now, `${device.browser} (${device.system})`, save))) {
    return Response.json({ error: "refused" }, { status: 400 });
  }
  return Response.json({ ok: true });
}
