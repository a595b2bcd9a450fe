import { z } from "zod";
import { accountFormPost, field } from "@/server/accounts/account-route";
import { requestEmailChange } from "@/server/accounts/change-email";

const email = z.email().max(254);

/** Each outcome's answer: a refusal for one field names it, for the page to mark it (account-page-data.ts). */
const ANSWERS = { sent: "ok=adresse-envoyee", code: "erreur=adresse-code", same: "erreur=adresse-identique", refused: "erreur=adresse" } as const;

/** "Mon compte": asks for a new e-mail address (second factor again); a link confirms it. */
export function POST(request: Request): Promise<Response> {
  return accountFormPost(request, async ({ session, form, now, trail }) => {
    const parsed = email.safeParse(field(form, "email", 254).trim());
    if (!parsed.success) return "erreur=adresse-invalide";
    return ANSWERS[await requestEmailChange(session.account.id, parsed.data, field(form, "code", 32), now, trail)];
  });
}
