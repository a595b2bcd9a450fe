import { z } from "zod";
import { currentActivation } from "@/server/accounts/activation-session";
import { chooseInitialPassword } from "@/server/accounts/choose-password";
import { PASSWORD_MAX_LENGTH } from "@/server/auth/password";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { seeOther } from "@/server/http/see-other";
import { readPlainForm } from "@/server/http/read-capped-body";

const input = z.object({ password: z.string().max(PASSWORD_MAX_LENGTH), confirm: z.string().max(PASSWORD_MAX_LENGTH) });

/** Activation: the chosen password, judged by its guessability only. */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const activation = await currentActivation(new Date());
  if (!activation) return seeOther("/activer?erreur=expire");
  const form = await readPlainForm(request);
  const parsed = input.safeParse({ password: form?.get("password"), confirm: form?.get("confirm") });
  if (!parsed.success) return seeOther("/activer/mot-de-passe?erreur=longueur");
  if (parsed.data.password !== parsed.data.confirm) return seeOther("/activer/mot-de-passe?erreur=different");
  const result = await chooseInitialPassword(activation.account, parsed.data.password);
  if (!result.ok) return seeOther(result.reason === "length" ? "/activer/mot-de-passe?erreur=longueur" : "/activer/mot-de-passe?erreur=faible");
  return seeOther("/activer/second-facteur");
}
