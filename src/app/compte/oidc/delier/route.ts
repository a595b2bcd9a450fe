import { accountFormPost, field } from "@/server/accounts/account-route";
import { closeSessionsOpenedWith } from "@/server/accounts/close-sessions-opened-with";
import { closingAnswer } from "@/server/accounts/closed-sessions-flash";
import { currentFactorProven } from "@/server/accounts/current-factor-proven";
import { findLinkedIdentity, identityRefOf } from "@/server/accounts/linked-identities";
import type { Queryable } from "@/server/db/queryable";
import { unbindOidcIdentity } from "@/server/db/oidc-identity-store";
import { changeAndTellOwner } from "@/server/notifications/account-change-notice";

const REFUSALS = { factor: "oidc-delier-facteur", "factor-missing": "oidc-delier-facteur-manquant" } as const;

/**
 * « Mon compte »: unlinks one of the account's OpenID Connect identities, so that it no longer
 * signs in (an identity bound by an intruder stayed for good before). As for removing a passkey
 * (src/app/compte/cle/retirer), an open session is not enough (a computer left signed in, a
 * stolen cookie could strip the owner's ways in, or hide an identity it bound): the current
 * factor is asked (the form's `code`, unless this session proved it at sign-in moments ago). The
 * identity is named by its `ref` (linked-identities.ts), looked for among the account's own: any
 * other changes nothing and spends no proof. Works whether or not a provider is configured now:
 * an old link would sign in again once its provider comes back. The other sessions that identity
 * opened end with it (close-sessions-opened-with.ts).
 */
export function POST(request: Request): Promise<Response> {
  return accountFormPost(request, async ({ session, form, now, trail }) => {
    const identity = await findLinkedIdentity(session.account.id, field(form, "identity", 64));
    if (!identity) return "erreur=oidc-inconnue";
    const proven = await currentFactorProven(session.account.id, now, "oidc-unlink", { ...trail, sessionId: session.sessionId, currentFactor: field(form, "code", 32) });
    if (proven !== true) return `erreur=${REFUSALS[proven]}`;
    // The identity, the sessions it opened, the trail row and the owner's notice: one transaction.
    let closed = 0;
    const unbind = async (db: Queryable) => {
      if (!(await unbindOidcIdentity(session.account.id, identity.issuer, identity.subject, db))) return false;
      closed = await closeSessionsOpenedWith(session, { method: "oidc", identityRef: identityRefOf(identity.issuer, identity.subject) }, now, db);
      return true;
    };
    if (!(await changeAndTellOwner(session.account, "identity-unlinked", { at: now, ...trail }, unbind))) return "erreur=oidc-inconnue";
    return closingAnswer(session, "oidc-delie", closed);
  });
}
