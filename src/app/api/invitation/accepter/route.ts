import { acceptInvitation } from "@/server/delegations/accept-invitation";
import { optionalRequestScope } from "@/server/documents/request-repository";
import { env } from "@/server/env";
import { refuseCrossSite } from "@/server/http/check-origin";
import { seeOther } from "@/server/http/see-other";
import { tokenSchema } from "../schema";
import { readPlainForm } from "@/server/http/read-capped-body";

/**
 * POST (jeton): the signed-in invitee accepts. Every refusal goes back to the invitation page
 * with a plain reason (own invitation, another account, expired, used, cancelled); nothing is
 * written then.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const form = (await readPlainForm(request)) ?? new FormData();
  const parsed = tokenSchema.safeParse({ jeton: form.get("jeton") });
  if (!parsed.success) return seeOther("/invitation/invalide");
  const page = `/invitation/${parsed.data.jeton}` as const;
  const scope = await optionalRequestScope();
  if (!scope) return seeOther(page);
  const outcome = await acceptInvitation(scope.repo, parsed.data.jeton);
  if (!outcome.ok) return seeOther(`${page}?erreur=${outcome.reason}`);
  return seeOther("/espace/proches?message=acceptee");
}
