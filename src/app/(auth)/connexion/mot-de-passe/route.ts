import { cookies } from "next/headers";
import { z } from "zod";
import { currentAuthCookies } from "@/server/auth/current-session";
import { newCsrfToken } from "@/server/auth/csrf-token";
import { PASSWORD_MAX_LENGTH } from "@/server/auth/password";
import { startSignIn } from "@/server/auth/start-sign-in";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { clientAddress, userAgentOf } from "@/server/http/client-address";
import { deviceIdOfRequest } from "@/server/auth/keep-device-cookie";
import { seeOther } from "@/server/http/see-other";
import { secrets } from "@/server/secrets";
import { SIGN_IN_FORM } from "@/server/auth/sign-in-typed";
import { clearTypedBeforeSession, keepTypedBeforeSession, withTyped } from "@/server/auth/typed-before-session";
import { typedFromForm } from "@/server/http/typed-form-cookie";
import { readPlainForm } from "@/server/http/read-capped-body";

const input = z.object({
  email: z.string().trim().pipe(z.email().max(254)),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

/**
 * Step 1 of sign-in, posted by the plain form of /connexion (no JavaScript needed). On success
 * the browser gets the challenge cookie and next-auth's CSRF cookie (the code form posts to
 * next-auth), then goes to the code page. Every refusal reads the same, and gives the form back
 * its address as typed (never the password): sign-in-typed.ts.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const form = await readPlainForm(request);
  const parsed = input.safeParse({ email: form?.get("email"), password: form?.get("password") });
  const back = (erreur: string) => withTyped(seeOther(`/connexion?erreur=${erreur}`), keepTypedBeforeSession(SIGN_IN_FORM, typedFromForm(SIGN_IN_FORM, form ?? new FormData())));
  if (!parsed.success) return back("saisie");

  const result = await startSignIn({
    ...parsed.data,
    address: clientAddress(request.headers),
    userAgent: userAgentOf(request.headers),
    deviceId: await deviceIdOfRequest(),
    now: new Date(),
  });
  if (!result.ok) return back(result.closed ? "espace-clos" : "identifiants");

  const jar = await cookies();
  const names = currentAuthCookies();
  jar.set(names.challenge.name, result.challengeId, names.challenge.options);
  jar.set(names.csrfToken.name, newCsrfToken(secrets().authSecret).cookieValue, names.csrfToken.options);
  return withTyped(seeOther("/connexion/code"), clearTypedBeforeSession(SIGN_IN_FORM));
}
