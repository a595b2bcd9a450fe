"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { t } from "@/lib/i18n/messages";
import { currentAuthCookies } from "@/server/auth/current-session";
import { newCsrfToken } from "@/server/auth/csrf-token";
import { PASSWORD_MAX_LENGTH } from "@/server/auth/password";
import { startSignIn } from "@/server/auth/start-sign-in";
import { env } from "@/server/env";
import { assertSameOrigin } from "@/server/http/check-origin";
import { clientAddress } from "@/server/http/client-address";
import { secrets } from "@/server/secrets";
import type { SignInFormState } from "./sign-in-form-state";

const input = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

/**
 * Step 1: the password. On success the browser gets the challenge cookie and next-auth's CSRF
 * cookie (the code form posts to next-auth), then goes to the code page.
 */
export async function startSignInAction(_previous: SignInFormState, form: FormData): Promise<SignInFormState> {
  const requestHeaders = await headers();
  assertSameOrigin(requestHeaders, env().APP_URL);
  const typedEmail = form.get("email");
  const email = typeof typedEmail === "string" ? typedEmail.slice(0, 254) : "";
  const parsed = input.safeParse({ email: email.trim(), password: form.get("password") });
  if (!parsed.success) return { status: "error", message: t("signIn.invalidInput"), email };

  const result = await startSignIn({ ...parsed.data, address: clientAddress(requestHeaders), now: new Date() });
  if (!result.ok) return { status: "error", message: t("signIn.failed"), email };

  const jar = await cookies();
  const names = currentAuthCookies();
  jar.set(names.challenge.name, result.challengeId, names.challenge.options);
  jar.set(names.csrfToken.name, newCsrfToken(secrets().authSecret).cookieValue, names.csrfToken.options);
  redirect("/connexion/code");
}
