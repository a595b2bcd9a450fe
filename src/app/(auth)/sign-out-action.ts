"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentAuthCookies, sessionIdFromCookies } from "@/server/auth/current-session";
import { signOut } from "@/server/auth/sign-out";
import { env } from "@/server/env";
import { assertSameOrigin } from "@/server/http/check-origin";

/** Ends the server session (a replayed cookie no longer signs in) and clears the cookies. */
export async function signOutAction(): Promise<void> {
  assertSameOrigin(await headers(), env().APP_URL);
  const sessionId = await sessionIdFromCookies();
  if (sessionId) await signOut(sessionId, new Date());
  const jar = await cookies();
  const names = currentAuthCookies();
  for (const cookie of [names.sessionToken, names.challenge, names.csrfToken, names.callbackUrl]) {
    jar.delete({ name: cookie.name, path: cookie.options.path, secure: cookie.options.secure, httpOnly: true, sameSite: "lax" });
  }
  redirect("/connexion");
}
