import type { MedicationRequest } from "@medplum/fhirtypes";
import { fhirEnd } from "@/lib/dates/fhir-date";
import { addMonthsToDay, parisDayOf, type Day } from "@/lib/dates/paris-day";

/**
 * How long a prescription can be dispensed. Without a validity period written by the
 * prescriber, the French rule for a first dispensation applies: three months from the day it
 * was signed, that day counted in Paris, the last day included (signed 30 November: valid to
 * 28 February at 23:59:59.999 Paris time, the end of the month kept).
 */
export const VALIDITY_MONTHS = 3;

/** The last day of validity of a prescription signed at this instant, as a FHIR date. */
export function defaultValidityDay(authoredOn: string | Date, months = VALIDITY_MONTHS): Day {
  return addMonthsToDay(parisDayOf(typeof authoredOn === "string" ? new Date(authoredOn) : authoredOn), months);
}

/** The last instant a line can be dispensed: the end of its validity period, or of the default. */
export function validityEndOf(request: MedicationRequest): Date | undefined {
  const written = fhirEnd(request.dispenseRequest?.validityPeriod?.end);
  if (written) return written;
  return request.authoredOn ? fhirEnd(defaultValidityDay(request.authoredOn)) : undefined;
}
