import type { ShareLinkRow } from "../fhir/share-links";

/**
 * Whether a link still opens, and if not why (for the patient's list and the audit row; the
 * pharmacist is told only "no longer available"). A link with a passcode is dead once its
 * attempts are spent; whether the prescription still has a line to dispense is read with the
 * link (ShareLinkRead.prescriptionOpen), from the prescription's rows.
 */
export type LinkState = "active" | "revoked" | "expired" | "locked" | "dispensed";

export function linkState(
  link: Pick<ShareLinkRow, "revokedAt" | "expiresAt" | "passcodeHash" | "attemptsLeft"> & Partial<Pick<ShareLinkRow, "dispensedAt">>,
  prescriptionOpen: boolean,
  now: Date,
): LinkState {
  if (link.revokedAt) return "revoked";
  // Once fully dispensed, dead for good: a line made active again does not revive it.
  if (link.dispensedAt) return "dispensed";
  if (link.passcodeHash !== null && link.attemptsLeft <= 0) return "locked";
  if (link.expiresAt <= now) return "expired";
  if (!prescriptionOpen) return "dispensed";
  return "active";
}
