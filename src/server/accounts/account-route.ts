import "@/server/server-only";
import { getCurrentSession } from "../auth/current-session";
import type { CurrentSession } from "../auth/check-session";
import { env } from "../env";
import { refuseCrossSite } from "../http/check-origin";
import { clientAddress, userAgentOf } from "../http/client-address";
import { seeOther } from "../http/see-other";
import { accountPagePath } from "./account-page-path";
import { readPlainForm } from "../http/read-capped-body";

/**
 * The plain form posts of "Mon compte": same-site only, a live session, then the use case; the
 * answer sends the browser back to the account page with a result flag (never taken from input),
 * or is the use case's own (linking an identity sends the browser on to its provider).
 */
export type AccountRequest = { session: CurrentSession; form: FormData; now: Date; trail: { address: string; userAgent: string | null } };

export async function accountFormPost(request: Request, handle: (input: AccountRequest) => Promise<string | Response>): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const session = await getCurrentSession();
  if (!session) return seeOther("/connexion");
  const form = (await readPlainForm(request)) ?? new FormData();
  const answer = await handle({ session, form, now: new Date(), trail: { address: clientAddress(request.headers), userAgent: userAgentOf(request.headers) } });
  return typeof answer === "string" ? seeOther(`${accountPagePath(session)}?${answer}`) : answer;
}

export const field = (form: FormData, name: string, max = 300): string => {
  const value = form.get(name);
  return typeof value === "string" ? value.slice(0, max) : "";
};
