import { accountFormPost, field } from "@/server/accounts/account-route";
import { closeSessionsOpenedWith } from "@/server/accounts/close-sessions-opened-with";
import { closingAnswer } from "@/server/accounts/closed-sessions-flash";
import { currentFactorProven } from "@/server/accounts/current-factor-proven";
import { findPasskey, removePasskey } from "@/server/db/passkey-store";
import { changeAndTellOwner } from "@/server/notifications/account-change-notice";

const REFUSALS = { factor: "cle-retrait-facteur", "factor-missing": "cle-retrait-facteur-manquant" } as const;

/**
 * "Mon compte": removes one of the account's passkeys (another account's id changes nothing).
 * An open session is not enough (a computer left signed in, a stolen cookie could strip the
 * owner's keys): the current factor is asked as for adding one (the form's `code`: a code of the
 * app or a recovery code, unless this session proved it at sign-in moments ago). A key that is
 * not the account's spends no proof. The other sessions that key opened end with it
 * (close-sessions-opened-with.ts).
 */
export function POST(request: Request): Promise<Response> {
  return accountFormPost(request, async ({ session, form, now, trail }) => {
    const credential = field(form, "credential", 400);
    if ((await findPasskey(credential))?.accountId !== session.account.id) return "erreur=cle";
    const proven = await currentFactorProven(session.account.id, now, "passkey-remove", { ...trail, sessionId: session.sessionId, currentFactor: field(form, "code", 32) });
    if (proven !== true) return `erreur=${REFUSALS[proven]}`;
    // The key, the sessions it opened, the trail row and the owner's notice: one transaction.
    let closed = 0;
    const removed = await changeAndTellOwner(session.account, "passkey-removed", { at: now, ...trail }, async (db) => {
      if (!(await removePasskey(session.account.id, credential, db))) return false;
      closed = await closeSessionsOpenedWith(session, { method: "passkey", credentialId: credential }, now, db);
      return true;
    });
    if (!removed) return "erreur=cle";
    return closingAnswer(session, "cle-retiree", closed);
  });
}
