import "@/server/server-only";
import { emailOfAccount, normaliseEmail } from "../db/account-store";
import { invitationByToken } from "../db/delegation-invitation-store";
import { hashSecret, isSecretShape } from "./invitation-secret";
import { invitationState } from "./invitation-state";

/**
 * Where an activation ends when the browser opened an account from a relative's invitation (the
 * invitation cookie, set by /api/invitation/compte): back on that invitation, to accept it, rather
 * than on a home page that never mentions it (found by walking the journey on a phone).
 *
 * Only for the account that invitation opened: the activation goes on with the code sent to the
 * invited address (open-caregiver-account.ts), so the cookie alone proves nothing; a browser that
 * began one invitation and then activated another account by its code (a shared computer) ends
 * on the home page, and never sees the other person's invitation. Undefined: the home page.
 */
export async function invitationAfterActivation(secret: string | undefined, accountId: string, now: Date): Promise<`/${string}` | undefined> {
  if (!secret || !isSecretShape(secret)) return undefined;
  const invitation = await invitationByToken(hashSecret(secret));
  if (!invitation || invitationState(invitation, now) !== "open") return undefined;
  const email = await emailOfAccount(accountId);
  return email !== undefined && normaliseEmail(invitation.email) === normaliseEmail(email) ? `/invitation/${secret}` : undefined;
}
