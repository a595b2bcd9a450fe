import { cookies } from "next/headers";
import { z } from "zod";
import { typedDay } from "@/lib/dates/day-input";
import { startActivation } from "@/server/accounts/start-activation";
import { currentAuthCookies } from "@/server/auth/session-token";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { clientAddress, userAgentOf } from "@/server/http/client-address";
import { seeOther } from "@/server/http/see-other";
import { readPlainForm } from "@/server/http/read-capped-body";
import { ACTIVATION_FORM } from "@/server/auth/sign-in-typed";
import { clearTypedBeforeSession, keepTypedBeforeSession, withTyped } from "@/server/auth/typed-before-session";
import { typedFromForm } from "@/server/http/typed-form-cookie";

const input = z.object({
  code: z.string().trim().min(1).max(40),
  // A professional's activation has no birth date to give.
  birthDate: z.union([typedDay(), z.literal("")]),
});

/**
 * The activation code and birth date, posted by /activer's plain form. Every refusal reads the
 * same, but a spent code's (start-activation.ts), and gives the form back what it held (sign-in-typed.ts).
 */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const form = await readPlainForm(request);
  const parsed = input.safeParse({ code: form?.get("code"), birthDate: form?.get("birthDate") ?? "" });
  const back = (erreur: string) => withTyped(seeOther(`/activer?erreur=${erreur}`), keepTypedBeforeSession(ACTIVATION_FORM, typedFromForm(ACTIVATION_FORM, form ?? new FormData())));
  if (!parsed.success) return back("1");
  const result = await startActivation({
    ...parsed.data,
    address: clientAddress(request.headers),
    userAgent: userAgentOf(request.headers),
    now: new Date(),
  });
  // A spent code is no use typed again: nothing is kept of it.
  if (!result.ok) return result.spent ? withTyped(seeOther("/activer?erreur=utilise"), clearTypedBeforeSession(ACTIVATION_FORM)) : back("1");
  // An invitation this browser began (its cookie) is ended on only if this code opened its account
  // (invitation-after-activation.ts, at the last step).
  const spec = currentAuthCookies().activation;
  (await cookies()).set(spec.name, result.challengeId, spec.options);
  return withTyped(seeOther("/activer/mot-de-passe"), clearTypedBeforeSession(ACTIVATION_FORM));
}
