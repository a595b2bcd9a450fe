import "@/server/server-only";
import type { MedicationRequest } from "@medplum/fhirtypes";
import { validityEndMsOf } from "@/lib/prescriptions/validity";
import type { Prescription } from "./prescription-model";

/**
 * What a pharmacist may still hand over through a link. A link ends at the prescription's
 * validity when it is made (share-prescription.ts), but the validity can end sooner afterwards
 * (the prescriber shortens it) and one line's can end before another's: the link then still
 * opened and a dispensation past the validity was recorded (found by an attack over HTTP). The
 * validity is the French rule of validity.ts, the last instant a line can be dispensed.
 */
export function prescriptionDispensable(prescription: Pick<Prescription, "state">): boolean {
  return prescription.state === "active";
}

/** Whether this line's own validity still holds at `now` (no written or default end: it does). */
export function lineWithinValidity(request: MedicationRequest, now: Date): boolean {
  const end = validityEndMsOf(request);
  return end === undefined || now.getTime() <= end;
}
