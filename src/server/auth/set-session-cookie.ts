import "@/server/server-only";
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import { secrets } from "../secrets";
import { currentAuthCookies } from "./session-token";
import { ABSOLUTE_TIMEOUT_MS } from "./session-policy";

/**
 * Signs the browser in to a server session opened outside next-auth's callbacks (activation,
 * passkey, password reset): the same cookie next-auth would set, a JWT holding only { sid }.
 */
export async function setSessionCookie(sessionId: string): Promise<void> {
  const maxAge = ABSOLUTE_TIMEOUT_MS / 1000;
  const token = await encode({ token: { sid: sessionId }, secret: secrets().authSecret, maxAge });
  const spec = currentAuthCookies().sessionToken;
  (await cookies()).set(spec.name, token, { ...spec.options, maxAge });
}
