import "@/server/server-only";
import { cookies } from "next/headers";
import { createChallenge } from "../db/sign-in-challenge-store";
import { secrets } from "../secrets";
import { CHALLENGE_TTL_SECONDS } from "./cookie-names";
import { newCsrfToken } from "./csrf-token";
import { currentAuthCookies } from "./session-token";

/**
 * After an OpenID Connect sign-in whose assurance level is one factor: the same pending step
 * as after a right password (a challenge and the code page), so the portal's own second factor
 * is asked. Returns the page next-auth sends the browser to. The challenge keeps which identity
 * (`identityRef`) started it: the session the code opens is that identity's (session-origin.ts).
 */
export async function startOidcSecondFactor(accountId: string, identityRef: string): Promise<string> {
  const challengeId = await createChallenge(accountId, new Date(), CHALLENGE_TTL_SECONDS * 1000, "sign-in", identityRef);
  const jar = await cookies();
  const names = currentAuthCookies();
  jar.set(names.challenge.name, challengeId, names.challenge.options);
  jar.set(names.csrfToken.name, newCsrfToken(secrets().authSecret).cookieValue, names.csrfToken.options);
  return "/connexion/code";
}
