import { z } from "zod";
import { accountFormPost, field } from "@/server/accounts/account-route";
import { accountPagePath } from "@/server/accounts/account-page-path";
import { requestEmailChange } from "@/server/accounts/change-email";
import { emailTypedHeader } from "@/server/accounts/email-typed";
import { seeOther } from "@/server/http/see-other";

const email = z.email().max(254);

/** Each outcome's answer: a refusal for one field names it, for the page to mark it (account-page-data.ts). */
const ANSWERS = { sent: "ok=adresse-envoyee", code: "erreur=adresse-code", same: "erreur=adresse-identique", refused: "erreur=adresse" } as const;

/**
 * "Mon compte": asks for a new e-mail address (second factor again); a link confirms it. A refusal
 * gives the typed address back to the form (email-typed.ts).
 */
export function POST(request: Request): Promise<Response> {
  return accountFormPost(request, async ({ session, form, now, trail }) => {
    const typed = field(form, "email", 254).trim();
    const parsed = email.safeParse(typed);
    const answer = parsed.success ? ANSWERS[await requestEmailChange(session.account.id, parsed.data, field(form, "code", 32), now, trail)] : "erreur=adresse-invalide";
    const back = seeOther(`${accountPagePath(session)}?${answer}`);
    back.headers.append("Set-Cookie", emailTypedHeader(session, answer.startsWith("erreur="), typed));
    return back;
  });
}
