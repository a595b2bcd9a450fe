import type { MedicationDispense, MedicationRequest } from "@medplum/fhirtypes";
import { SYSTEMS } from "@/lib/fhir/systems";
import { defaultValidityDay } from "@/lib/prescriptions/validity";
import { newId } from "./ids";

/**
 * A prescription is one or more MedicationRequests (its lines) sharing a groupIdentifier
 * (SYSTEMS.prescription); what a pharmacy hands over is a MedicationDispense per line.
 */
export const ATC = SYSTEMS.atc;

export type PrescriptionLine = {
  id?: string;
  /** "Amoxicilline 1 g, comprimé" */
  medication: string;
  atc?: string;
  /** "1 comprimé matin et soir pendant 7 jours" */
  dosage: string;
  quantity: { value: number; unit: string };
  /** Renewals allowed after the first dispensation. */
  repeats?: number;
  /** Days covered by one dispensation. */
  supplyDays?: number;
};

export type PrescriptionInput = {
  /** The groupIdentifier value; a fresh UUID by default. */
  prescriptionId?: string;
  patientId: string;
  requesterId: string;
  /** ISO date-time of signature; defaults to now. */
  authoredOn?: string;
  /** Last day of validity (a Paris day, AAAA-MM-JJ); defaults to three months after authoredOn. */
  validUntil?: string;
  status?: MedicationRequest["status"];
  lines?: PrescriptionLine[];
  note?: string;
};

const DEFAULT_LINES: PrescriptionLine[] = [
  { medication: "Paracétamol 1 g, comprimé", atc: "N02BE01", dosage: "1 comprimé jusqu'à 3 fois par jour si douleur, espacer les prises de 6 heures", quantity: { value: 2, unit: "boîte(s)" } },
];

/** The lines of one prescription, in the order given (each carries its position), ready to be created one by one. */
export function aPrescription(input: PrescriptionInput): MedicationRequest[] {
  const prescriptionId = input.prescriptionId ?? newId();
  const authoredOn = input.authoredOn ?? new Date().toISOString();
  const validUntil = input.validUntil ?? defaultValidityDay(authoredOn);
  return (input.lines ?? DEFAULT_LINES).map((line, index) => ({
    resourceType: "MedicationRequest",
    id: line.id ?? newId(),
    // The order the lines were written in, which the pages and the PDF show (prescription-model.ts).
    extension: [{ url: SYSTEMS.prescriptionLinePosition, valuePositiveInt: index + 1 }],
    status: input.status ?? "active",
    intent: "order",
    groupIdentifier: { system: SYSTEMS.prescription, value: prescriptionId },
    medicationCodeableConcept: {
      coding: line.atc ? [{ system: ATC, code: line.atc }] : undefined,
      text: line.medication,
    },
    subject: { reference: `Patient/${input.patientId}` },
    authoredOn,
    requester: { reference: `Practitioner/${input.requesterId}` },
    dosageInstruction: [{ text: line.dosage }],
    dispenseRequest: {
      validityPeriod: { start: authoredOn, end: validUntil },
      quantity: { value: line.quantity.value, unit: line.quantity.unit },
      numberOfRepeatsAllowed: line.repeats ?? 0,
      expectedSupplyDuration: line.supplyDays
        ? { value: line.supplyDays, unit: "jours", system: "http://unitsofmeasure.org", code: "d" }
        : undefined,
    },
    note: input.note ? [{ text: input.note }] : undefined,
  }));
}

/** The group (prescription) a line belongs to. */
export function prescriptionIdOf(request: MedicationRequest): string | undefined {
  return request.groupIdentifier?.value;
}

/** What a pharmacy handed over for one line: the whole quantity unless told otherwise. */
export function aDispense(input: {
  id?: string;
  request: MedicationRequest;
  pharmacyId: string;
  whenHandedOver?: string;
  quantity?: number;
  /** First fill or a renewal. */
  fill?: "first" | "refill" | "partial";
}): MedicationDispense {
  const requested = input.request.dispenseRequest?.quantity;
  const fill = input.fill ?? "first";
  return {
    resourceType: "MedicationDispense",
    id: input.id ?? newId(),
    status: "completed",
    type: {
      coding: [
        {
          system: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
          code: fill === "first" ? "FF" : fill === "refill" ? "RF" : "FFP",
          display: fill === "first" ? "First Fill" : fill === "refill" ? "Refill" : "First Fill - Part Fill",
        },
      ],
    },
    medicationCodeableConcept: input.request.medicationCodeableConcept,
    subject: input.request.subject,
    performer: [{ actor: { reference: `Organization/${input.pharmacyId}` } }],
    authorizingPrescription: [{ reference: `MedicationRequest/${input.request.id}` }],
    quantity: { value: input.quantity ?? requested?.value ?? 1, unit: requested?.unit },
    whenHandedOver: input.whenHandedOver ?? new Date().toISOString(),
    dosageInstruction: input.request.dosageInstruction,
  };
}
