import { accountFormPost, field } from "@/server/accounts/account-route";
import { checkSecondFactor } from "@/server/accounts/check-second-factor";
import { issueRecoveryCodesTicket } from "@/server/accounts/recovery-codes-display";

/** "Mon compte": ten new recovery codes (the old ones stop working), after the second factor. */
export function POST(request: Request): Promise<Response> {
  return accountFormPost(request, async ({ session, form, now, trail }) => {
    if (!(await checkSecondFactor(session.account.id, field(form, "code", 32), now, "recovery-codes", trail))) return "erreur=facteur";
    return `codes=${await issueRecoveryCodesTicket(session.account.id, now)}`;
  });
}
