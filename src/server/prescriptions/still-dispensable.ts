import "@/server/server-only";
import type { MedicationRequest } from "@medplum/fhirtypes";
import { fhirStart } from "@/lib/dates/fhir-date";
import { validityEndMsOf } from "@/lib/prescriptions/validity";
import type { Prescription } from "./prescription-model";

/**
 * What a pharmacist may still hand over through a link. A link ends at the prescription's
 * validity when it is made (share-prescription.ts), but the validity can end sooner afterwards
 * (the prescriber shortens it), one line's can end before another's, or start on a later day: the link then still
 * opened and a dispensation past the validity was recorded (found by an attack over HTTP). The
 * validity is the French rule of validity.ts, the last instant a line can be dispensed.
 */
export function prescriptionDispensable(prescription: Pick<Prescription, "state">): boolean {
  return prescription.state === "active";
}

/**
 * Whether `now` is within this line's own validity: not before the first day the prescriber
 * wrote (a prescription to be handed over from a later day), and not past its end (no written or
 * default end: it does not end).
 */
export function lineWithinValidity(request: MedicationRequest, now: Date): boolean {
  const start = fhirStart(request.dispenseRequest?.validityPeriod?.start);
  if (start && now.getTime() < start.getTime()) return false;
  const end = validityEndMsOf(request);
  return end === undefined || now.getTime() <= end;
}
