import "@/server/server-only";
import { patientCreatedBySystem } from "../db/patient-origin-store";

/** The purpose under which an invitee's own Patient is created (open-caregiver-account.ts), as its audit agent reads. */
export const CAREGIVER_ACCOUNT_PURPOSE = "caregiver-account";

/**
 * Whether this Patient was created by an invitee opening their account from an invitation.
 * Only such a record may be taken up again from an invitation: a record the care system holds
 * (its account invited by letter) never is, whatever address its account has.
 */
export function openedFromInvitation(patientId: string): Promise<boolean> {
  return patientCreatedBySystem(patientId, CAREGIVER_ACCOUNT_PURPOSE);
}
