import type { Actor } from "../access/actor";
import { addDaysToDay, addMonthsToDay, isDay, parisDayOf, type Day } from "@/lib/dates/paris-day";

/**
 * The pure rules of invitations and delegations: who may manage them, the state of an
 * invitation at a given time, which end dates are allowed. No I/O, tested as tables
 * (tests/unit/delegations).
 */
export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;
/** The pause against pressure: an accepted delegation starts this long after, unless confirmed. */
export const PAUSE_MS = 24 * 3600 * 1000;
/** When both are told that a delegation ends soon. */
export const ENDING_NOTICE_DAYS = 30;
export const MAX_YEARS = 3;

/**
 * Only the patient in their own space, or a guardian in a dependant's, manages delegations.
 * A caregiver never does, whatever their rights (scopes.ts): they could widen their own.
 */
export function mayManageDelegations(actor: Actor): boolean {
  return actor.kind === "patient" || actor.kind === "guardian";
}

/**
 * Whether the space managed is a child's: a guardian's. A guardianship is a minor's, ended by
 * itself at majority (access/rules.ts), as children/child-space.ts counts it. The patient's own
 * space never is, whatever her age: what she may choose there stays as it is.
 */
export function managesChildSpace(actor: Actor): boolean {
  return actor.kind === "guardian";
}

export type InvitationFacts = {
  expiresAt: Date;
  acceptedAt: Date | null;
  cancelledAt: Date | null;
  /** Declined by the invitee (release-account-opening.ts); cancelledAt is set with it. */
  declinedAt?: Date | null;
};

export type InvitationState = "open" | "expired" | "accepted" | "cancelled" | "declined";

export function invitationState(invitation: InvitationFacts, now: Date): InvitationState {
  if (invitation.declinedAt) return "declined";
  if (invitation.cancelledAt) return "cancelled";
  if (invitation.acceptedAt) return "accepted";
  if (now >= invitation.expiresAt) return "expired";
  return "open";
}

export type AcceptRefusal = "own-invitation" | "other-account" | "already-acting" | "expired" | "used" | "cancelled" | "declined";

/**
 * Whether `accepter` may accept. The invitee is bound to the e-mail address the patient typed:
 * the accepting account must be the one registered under that address, and never the patient's
 * own (nor an account acting for the patient: only one's own space accepts). Nor one that
 * already acts for the patient (`actsAlready`: a delegation or guardianship not revoked nor
 * ended): a second delegation would list the same person twice to the patient, under the name
 * the patient typed in the invitation rather than the holder's, and revoking the one she knows
 * would leave the other; the patient changes the rights of the one there is.
 */
export function acceptRefusal(
  invitation: InvitationFacts & { patientId: string },
  accepter: { patientId: string; accountId: string; inviteeAccountId: string | undefined; actsAlready?: boolean },
  now: Date,
): AcceptRefusal | undefined {
  const state = invitationState(invitation, now);
  if (state === "declined") return "declined";
  if (state === "cancelled") return "cancelled";
  if (state === "accepted") return "used";
  if (state === "expired") return "expired";
  if (accepter.patientId === invitation.patientId) return "own-invitation";
  if (accepter.inviteeAccountId !== accepter.accountId) return "other-account";
  if (accepter.actsAlready) return "already-acting";
  return undefined;
}

/**
 * The end dates a delegation may have, chosen on `now`: from today to three years ahead, one year
 * by default. In a child's space, never past the day before the 18th birthday (`until`: the first
 * instant the guardian's own access ends, managedSpaceUntil): the delegation ends then anyway
 * (access/rules.ts), and a later date would tell the invitee and the guardian something untrue.
 */
export function endDayBounds(now: Date, until?: Date): { earliest: Day; latest: Day; byDefault: Day } {
  const today = parisDayOf(now);
  const lastDay = until ? parisDayOf(new Date(until.getTime() - 1)) : undefined;
  const cap = (day: Day): Day => (lastDay !== undefined && lastDay < day ? lastDay : day);
  return { earliest: today, latest: cap(addMonthsToDay(today, 12 * MAX_YEARS)), byDefault: cap(addDaysToDay(addMonthsToDay(today, 12), -1)) };
}

export function endDayAllowed(day: string, now: Date, until?: Date): boolean {
  if (!isDay(day)) return false;
  const { earliest, latest } = endDayBounds(now, until);
  return day >= earliest && day <= latest;
}

/** When an accepted delegation starts: after the pause. */
export function startAfterPause(acceptedAt: Date): Date {
  return new Date(acceptedAt.getTime() + PAUSE_MS);
}
