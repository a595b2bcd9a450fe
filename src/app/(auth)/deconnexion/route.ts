import { keptWaysForgotten } from "@/server/accounts/reset-kept-ways";
import { clearAuthCookies, sessionIdFromCookies } from "@/server/auth/current-session";
import { signOut } from "@/server/auth/sign-out";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { seeOther } from "@/server/http/see-other";

/**
 * Sign-out (POST only: a link or an image cannot sign anyone out). Ends the server session, so
 * the cookie, if replayed, no longer signs in, then clears the cookies, the counts a password
 * reset left for the sign-in page included (reset-kept-ways.ts).
 */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const sessionId = await sessionIdFromCookies();
  if (sessionId) await signOut(sessionId, new Date());
  await clearAuthCookies();
  const signedOut = seeOther("/connexion");
  signedOut.headers.append("Set-Cookie", keptWaysForgotten());
  return signedOut;
}
