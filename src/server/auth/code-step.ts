import "@/server/server-only";
import { cookies, headers } from "next/headers";
import { clientAddress, userAgentOf } from "../http/client-address";
import { completeSignIn } from "./complete-sign-in";
import { sessionIdFromCookies } from "./current-session";
import { deviceIdOfRequest, keepDeviceCookie } from "./keep-device-cookie";
import { currentAuthCookies } from "./session-token";
import { SIGN_IN_ERRORS } from "./sign-in-errors";

/**
 * The code step as next-auth's Credentials provider runs it (auth-options.ts): this browser's
 * challenge, the code posted, and on success the challenge cookie gone and the browser known to
 * the account (device cookie). Throws next-auth's error code on refusal.
 */
export async function codeStep(credentials: Record<string, unknown> | undefined): Promise<{ sessionId: string }> {
  const jar = await cookies();
  const challengeId = jar.get(currentAuthCookies().challenge.name)?.value;
  if (!challengeId || typeof credentials?.code !== "string") throw new Error(SIGN_IN_ERRORS.challenge);
  const now = new Date();
  const h = await headers();
  const result = await completeSignIn({
    challengeId,
    code: credentials.code.slice(0, 32),
    kind: credentials.kind === "recovery" ? "recovery" : "totp",
    now,
    userAgent: userAgentOf(h),
    address: clientAddress(h),
    previousSessionId: await sessionIdFromCookies(),
    deviceId: await deviceIdOfRequest(),
  });
  if (!result.ok) {
    // A refused recovery code goes back to the recovery page, not to the app's code page.
    const recovery = credentials.kind === "recovery" && result.reason === "code";
    throw new Error(recovery ? SIGN_IN_ERRORS.recovery : SIGN_IN_ERRORS[result.reason]);
  }
  // The challenge is used up; its cookie has nothing left to say.
  jar.delete(currentAuthCookies().challenge.name);
  await keepDeviceCookie(result.accountId, now);
  return { sessionId: result.sessionId };
}
