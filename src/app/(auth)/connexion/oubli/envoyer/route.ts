import { z } from "zod";
import { requestPasswordReset } from "@/server/accounts/request-password-reset";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { clientAddress, userAgentOf } from "@/server/http/client-address";
import { seeOther } from "@/server/http/see-other";
import { readPlainForm } from "@/server/http/read-capped-body";

const input = z.object({ email: z.string().trim().pipe(z.email().max(254)) });

/** Sends the reset link if the address has an account; the same answer either way. */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const form = await readPlainForm(request);
  const parsed = input.safeParse({ email: form?.get("email") });
  if (parsed.success) {
    await requestPasswordReset({ email: parsed.data.email, address: clientAddress(request.headers), userAgent: userAgentOf(request.headers), now: new Date() });
  }
  return seeOther("/connexion/oubli?envoye=1");
}
