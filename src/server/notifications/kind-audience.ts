import "@/server/server-only";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { delegationIsLive } from "../access/applicable-delegation";
import { isOfAge } from "../children/majority";
import type { AccountTies } from "../fhir/account-ties";

const isMinor = (birthDate: string | undefined, now: Date) => birthDate !== undefined && !isOfAge(birthDate, now);

/**
 * Who each kind that does not reach every patient can reach, read from where it is emitted.
 * A kind missing here can reach any patient's account (her own space's events, and a child's
 * e-mailed to his live guardians by their preferences: notify.ts).
 *   - majority-approaching (children/run-majority-tick.ts): the minor's own space, whose e-mail
 *     goes to the minor's account or, without one, to each live guardian (notify.ts emailGuardians),
 *     who also reads it among the child's notices;
 *   - majority-guardian (same tick): each live guardian's own space;
 *   - message-answered-for-caregiver (messages/create-message.ts): a caregiver who wrote for the
 *     person she helps (caregivers-who-wrote.ts, delegations, not guardianships);
 *   - delegation-revoked (delegations/change-delegation.ts, cancel-invitation.ts): the caregiver's
 *     own space only;
 *   - protection-measure-set, -ended, -ending (guardianship/*-protection-measure.ts, measures-ending-tick.ts): the
 *     protected adult (someone was named for her) and her representative (a measure names him);
 *   - agent-account-closed (accounts/close-space.ts): each space where someone named to act had
 *     her account closed: a person who named someone, or a child's space, e-mailed to its
 *     guardians (so a parent guarding a minor);
 *   - sharing-changed-for-you, record-copied-for-you (notifications/acted-for-patient.ts): a person
 *     with an account for whom a caregiver or a guardian acted, so one who named someone (or has a
 *     guardian) in her space. Before her first invitation, nothing of them can reach her.
 * For a caregiver's kinds, an ended delegation counts too: she was in their audience, and the
 * person she helped may name her again; the page keeps showing her the choice she made then.
 */
const AUDIENCE: Partial<Record<NotificationKind, (ties: AccountTies, now: Date) => boolean>> = {
  "majority-approaching": (ties, now) => isMinor(ties.ownBirthDate, now) || guardsAMinor(ties, now),
  "majority-guardian": guardsAMinor,
  "message-answered-for-caregiver": receivedADelegation,
  "delegation-revoked": receivedADelegation,
  "protection-measure-set": underAMeasure,
  "protection-measure-ended": underAMeasure,
  "protection-measure-ending": underAMeasure,
  "agent-account-closed": (ties, now) => ties.actedForBySomeone || guardsAMinor(ties, now),
  "sharing-changed-for-you": (ties) => ties.actedForBySomeone,
  "record-copied-for-you": (ties) => ties.actedForBySomeone,
};

function guardsAMinor(ties: AccountTies, now: Date): boolean {
  return ties.received.some(({ delegation, patientBirthDate }) => delegation.kind === "guardian" && delegationIsLive(delegation, now) && isMinor(patientBirthDate, now));
}

function underAMeasure(ties: AccountTies): boolean {
  return ties.actedForBySomeone || ties.received.some(({ delegation }) => delegation.measure !== undefined);
}

function receivedADelegation(ties: AccountTies): boolean {
  return ties.received.some(({ delegation }) => delegation.kind === "delegate");
}

/** Whether a notice of this kind can reach a patient's account with these ties (the preferences page lists only those). */
export function kindReaches(kind: NotificationKind, ties: AccountTies, now: Date): boolean {
  return AUDIENCE[kind]?.(ties, now) ?? true;
}
