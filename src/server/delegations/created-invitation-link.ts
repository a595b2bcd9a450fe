import "@/server/server-only";
import { invitationByToken } from "../db/delegation-invitation-store";
import { hashSecret } from "./invitation-secret";
import { openInvitationLink, type InvitationLinkPlace } from "./invitation-link-cookie";
import { invitationState, type InvitationState } from "./invitation-state";

/**
 * The invitation link just created, as « Proches et délégations » offers it for copying (its
 * sealed cookie, for ten minutes): offered only while the invitation can still be accepted. One
 * accepted, cancelled or expired in the meantime is a link that no longer serves: the page says
 * what became of it instead, and copies nothing. Only in the space it was made for, to the session
 * that made it (invitation-link-cookie.ts). Reads the invitation's row only; writes nothing.
 */
export type CreatedInvitationLink =
  | { kind: "open"; url: string }
  | { kind: "ended"; state: Exclude<InvitationState, "open">; invitee: string };

export async function createdInvitationLink(sealed: string | undefined, place: InvitationLinkPlace, now: Date): Promise<CreatedInvitationLink | null> {
  const url = openInvitationLink(sealed, place);
  if (!url) return null;
  const invitation = await invitationByToken(hashSecret(url.slice(url.lastIndexOf("/") + 1)));
  if (!invitation) return null;
  const state = invitationState(invitation, now);
  if (state === "open") return { kind: "open", url };
  return { kind: "ended", state, invitee: `${invitation.given} ${invitation.family}` };
}
