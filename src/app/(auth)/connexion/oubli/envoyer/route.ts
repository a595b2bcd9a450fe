import { z } from "zod";
import { requestPasswordReset } from "@/server/accounts/request-password-reset";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { clientAddress, userAgentOf } from "@/server/http/client-address";
import { seeOther } from "@/server/http/see-other";
import { readPlainForm } from "@/server/http/read-capped-body";
import { FORGOTTEN_FORM } from "@/server/auth/sign-in-typed";
import { clearTypedBeforeSession, keepTypedBeforeSession, withTyped } from "@/server/auth/typed-before-session";
import { typedFromForm } from "@/server/http/typed-form-cookie";

const input = z.object({ email: z.string().trim().pipe(z.email().max(254)) });

/**
 * Sends the reset link if the address has an account; the same answer either way. What is not an
 * address at all is said so, and comes back to the field as typed (sign-in-typed.ts): it tells
 * nothing of any account.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const form = await readPlainForm(request);
  const parsed = input.safeParse({ email: form?.get("email") });
  if (!parsed.success) return withTyped(seeOther("/connexion/oubli?erreur=saisie"), keepTypedBeforeSession(FORGOTTEN_FORM, typedFromForm(FORGOTTEN_FORM, form ?? new FormData())));
  await requestPasswordReset({ email: parsed.data.email, address: clientAddress(request.headers), userAgent: userAgentOf(request.headers), now: new Date() });
  return withTyped(seeOther("/connexion/oubli?envoye=1"), clearTypedBeforeSession(FORGOTTEN_FORM));
}
