import { z } from "zod";
import { currentActivation } from "@/server/accounts/activation-session";
import { confirmTotpEnrolment } from "@/server/accounts/confirm-totp";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { seeOther } from "@/server/http/see-other";
import { readPlainForm } from "@/server/http/read-capped-body";

const input = z.object({ code: z.string().trim().max(16) });

/** Activation: the first code of the scanned TOTP app. */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const now = new Date();
  const activation = await currentActivation(now);
  if (!activation) return seeOther("/activer?erreur=expire");
  if (!activation.account.hasPassword) return seeOther("/activer/mot-de-passe");
  const form = await readPlainForm(request);
  const parsed = input.safeParse({ code: form?.get("code") });
  if (!parsed.success || !(await confirmTotpEnrolment(activation.account.id, parsed.data.code, now)).ok) {
    return seeOther("/activer/second-facteur?erreur=1");
  }
  return seeOther("/activer/codes-secours");
}
