import type { MedicationRequest } from "@medplum/fhirtypes";
import { fhirEnd, fhirStart } from "@/lib/dates/fhir-date";
import { addMonthsToDay, parisDayOf, type Day } from "@/lib/dates/paris-day";
import { keptPerValue } from "@/lib/kept-per-value";

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

/**
 * The end of a written validity, and of the default one from a signing instant, as a time, kept
 * per value: the prescriptions page works out every line's validity on every view, from a handful
 * of distinct values, and it was 3.8 % of that page's CPU in a V8 profile (issue 16).
 */
const writtenEndMs = keptPerValue((end: string) => fhirEnd(end)?.getTime());
const defaultEndMs = keptPerValue((authoredOn: string) => fhirEnd(defaultValidityDay(authoredOn))?.getTime());

/** The last instant a line can be dispensed (its time): the end of its validity period, or of the default. */
export function validityEndMsOf(request: MedicationRequest): number | undefined {
  const written = request.dispenseRequest?.validityPeriod?.end;
  const end = written ? writtenEndMs(written) : undefined;
  if (end !== undefined) return end;
  return request.authoredOn ? defaultEndMs(request.authoredOn) : undefined;
}

const writtenStartMs = keptPerValue((start: string) => fhirStart(start)?.getTime());

/**
 * The first instant a line can be dispensed (its time), when the prescriber wrote one: kept per
 * value as the ends are. Every view of the prescriptions page asks it of every line, twice (can it
 * go now, and is its first day to come), and each asked parsed the same dateTime (issue 16).
 */
export function validityStartMsOf(request: MedicationRequest): number | undefined {
  const written = request.dispenseRequest?.validityPeriod?.start;
  return written ? writtenStartMs(written) : undefined;
}
