import { accountFormPost, field } from "@/server/accounts/account-route";
import { closeSpace } from "@/server/accounts/close-space";
import { clearAuthCookies } from "@/server/auth/current-session";
import { seeOther } from "@/server/http/see-other";

/** Each refusal's code for the page (account-page-data.ts); nothing changed for any of them. */
const REFUSALS = { "not-own": "cloture-espace", minor: "cloture-mineur", code: "cloture-code", already: "cloture-deja", changed: "cloture-modifie" } as const;

/**
 * "Mon compte": « Clôturer mon espace » (close-space.ts), a plain form post. Closed, the session
 * has ended with every other: its cookies are cleared as at sign-out, and the sign-in page says
 * the space is closed and that an e-mail says how to reopen it.
 */
export function POST(request: Request): Promise<Response> {
  return accountFormPost(request, async ({ session, form, now, trail }) => {
    const result = await closeSpace(session, { code: field(form, "code", 32), erase: field(form, "erase", 10) === "oui", now, ...trail });
    if (!result.ok) return `erreur=${REFUSALS[result.reason]}`;
    await clearAuthCookies();
    return seeOther("/connexion?erreur=espace-cloture");
  });
}
