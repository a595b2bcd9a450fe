import type { MedicationRequest } from "@medplum/fhirtypes";
import { parisDayOf, type Day } from "@/lib/dates/paris-day";
import { SYSTEMS } from "@/lib/fhir/systems";

/**
 * The rules of handing a prescription line over (pure, unit-tested): how much one dispensation
 * may give, whether a line is within its own validity, the renewals left. The model
 * (prescription-model.ts) applies them to every line it assembles.
 */

/**
 * What one dispensation may hand over: the rest of the fill under way, never a renewal's with it.
 * « Le pharmacien ne peut délivrer en une seule fois une quantité de médicaments correspondant à
 * une durée de traitement supérieure à quatre semaines ou à trente jours selon le conditionnement.
 * Toutefois, les médicaments contraceptifs peuvent être délivrés pour une durée de douze
 * semaines » (code de la sécurité sociale, art. R. 5123-2, formerly R. 5148 bis of the code de la
 * santé publique, as admi.net and the Assemblée nationale's answer to question 26521 quote it;
 * for medicines of lists I and II the code de la santé publique says the same, art. R. 5132-12, as
 * the Ordre national des pharmaciens' fiche « Délivrance en officine des médicaments relevant des
 * listes I et II » quotes it).
 * A prescription for longer than a month is written as fills of at most a month each, renewed
 * (the same article): one fill is what one dispensation hands over, three of a contraceptive.
 * Before, « Tout le reste » handed over every renewal at once.
 */
export function dispensableAtOnce(perFill: number, total: number, dispensed: number, contraceptive: boolean): number {
  if (perFill <= 0) return 0;
  const intoFill = dispensed % perFill;
  return Math.max(0, Math.min(total - dispensed, perFill * (contraceptive ? 3 : 1) - intoFill));
}

/**
 * Whether `now` is within this line's own validity: not before the first day the prescriber
 * wrote (a prescription to be handed over from a later day), and not past its end (validity.ts's
 * French rule; no written or default end: it does not end). A line's validity can end before its
 * prescription's, or be shortened after a link was sent (found by an attack over HTTP).
 */
export function withinValidity(start: number | undefined, end: number | undefined, now: Date): boolean {
  if (start !== undefined && now.getTime() < start) return false;
  return end === undefined || now.getTime() <= end;
}

/** Hormonal contraceptives for systemic use (ATC G03A), which R. 5123-2 lets go for twelve weeks at once. */
export function isContraceptive(request: MedicationRequest): boolean {
  return (request.medicationCodeableConcept?.coding ?? []).some((c) => c.system === SYSTEMS.atc && typeof c.code === "string" && c.code.startsWith("G03A"));
}

/** Renewals still to come: the first dispensation is not a renewal. */
export function renewalsLeft(perFill: number, renewals: number, dispensed: number): number {
  if (perFill <= 0) return 0;
  const fills = Math.floor(dispensed / perFill);
  return Math.min(renewals, Math.max(0, renewals - Math.max(0, fills - 1)));
}

/** When an open line cannot be handed over today: its first day still to come, or its own last day past. */
export function lineValidityNotice(start: number | undefined, end: number | undefined, remaining: number, now: Date): { startsOn?: Day; endedOn?: Day } {
  if (remaining <= 0) return {};
  if (start !== undefined && now.getTime() < start) return { startsOn: parisDayOf(new Date(start)) };
  return end !== undefined && now.getTime() > end ? { endedOn: parisDayOf(new Date(end)) } : {};
}
