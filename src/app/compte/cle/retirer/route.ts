import { accountFormPost, field } from "@/server/accounts/account-route";
import { recordAccountEvent } from "@/server/db/account-event-store";
import { removePasskey } from "@/server/db/passkey-store";

/** "Mon compte": removes one of the account's passkeys (another account's id changes nothing). */
export function POST(request: Request): Promise<Response> {
  return accountFormPost(request, async ({ session, form, now, trail }) => {
    if (!(await removePasskey(session.account.id, field(form, "credential", 400)))) return "erreur=cle";
    await recordAccountEvent({ accountId: session.account.id, kind: "passkey-removed", at: now, ...trail });
    return "ok=cle-retiree";
  });
}
