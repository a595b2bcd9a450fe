import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { deviceIdOfRequest, keepDeviceCookie } from "@/server/auth/keep-device-cookie";
import { WayInRemoved } from "@/server/auth/hold-way-in";
import { openSession } from "@/server/auth/open-session";
import { authenticateWithPasskey } from "@/server/auth/passkeys";
import { sessionIdFromCookies } from "@/server/auth/current-session";
import { setSessionCookie } from "@/server/auth/set-session-cookie";
import { recordAccountEvent } from "@/server/db/account-event-store";
import { hitRateLimit } from "@/server/db/rate-limit-store";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { clientAddress, userAgentOf } from "@/server/http/client-address";
import { readPlainJson } from "@/server/http/read-capped-body";

/**
 * Passkey sign-in: the assertion, checked against the challenge this browser was given (spent
 * on first use, so a replay is refused) and the stored public key; a passkey alone opens the
 * session. Throttled per address like the password step. The key of a closed space opens nothing;
 * the answer says the space is closed (403, `space-closed`) only after the assertion proved her.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const now = new Date();
  const address = clientAddress(request.headers);
  const userAgent = userAgentOf(request.headers);
  if (!(await hitRateLimit(`passkey:address:${address}`, 30, 15 * 60 * 1000, now)).allowed) return Response.json({ error: "refused" }, { status: 429 });
  const body = (await readPlainJson(request)) as AuthenticationResponseJSON | undefined;
  const proven = body && typeof body === "object" && typeof body.id === "string" ? await authenticateWithPasskey(body, now, { address, userAgent }) : undefined;
  if (!proven) return Response.json({ error: "refused" }, { status: 401 });
  // Her own key, for a space she closed: nothing opens, and the button says why (passkey-behaviour.ts).
  if (proven.kind === "closed") return Response.json({ error: "space-closed" }, { status: 403 });
  const { account } = proven;
  // The key that proved it: removing it from « Mon compte » closes this session.
  const openedWith = { method: "passkey", credentialId: proven.credentialId } as const;
  const browser = { deviceId: await deviceIdOfRequest() };
  // The passkey proved both factors: adding another key or replacing the app just after asks no code.
  // The key removed from « Mon compte » while it was being checked: no session (hold-way-in.ts).
  const sessionId = await openSession({ account, now, userAgent, address, previousSessionId: await sessionIdFromCookies(), browser, secondFactorAt: now, openedWith }).catch((error: unknown) => {
    if (error instanceof WayInRemoved) return undefined;
    throw error;
  });
  if (!sessionId) return Response.json({ error: "refused" }, { status: 401 });
  await recordAccountEvent({ accountId: account.id, kind: "passkey-sign-in", at: now, address, userAgent });
  await setSessionCookie(sessionId);
  await keepDeviceCookie(account.id, now);
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
