import type { MedicationRequest, Resource } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { aPrescription } from "@/lib/fhir/builders/prescriptions";
import { FhirError } from "@/server/fhir/errors";
import { prepareValidator, validateForWrite } from "@/server/fhir/validate";

/**
 * The validator indexes each resource type's definition when first needed (structure-
 * definitions.ts) instead of the whole 35 MB bundle: it must judge exactly as before, including
 * the resources a resource contains, whose types the portal does not store itself.
 */
const patientId = "0b8f0a4e-5a2b-4c3d-9e8f-1a2b3c4d5e6f";
const verdict = (resource: Resource): string => {
  try {
    validateForWrite(resource);
    return "valid";
  } catch (error) {
    if (!(error instanceof FhirError)) throw error;
    return `refused: ${JSON.stringify(error.toOperationOutcome().issue)}`;
  }
};
const line = (): MedicationRequest => aPrescription({ patientId, requesterId: "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f" })[0]!;

describe("FHIR validation with definitions indexed per type", () => {
  prepareValidator();

  it.each<[string, () => Resource, RegExp]>([
    ["a patient", () => aPatient({ given: "Ana", family: "Valide" }), /^valid$/],
    ["a document", () => aDocument({ patientId, title: "Bilan" }), /^valid$/],
    ["a prescription line", line, /^valid$/],
    ["a prescription line with a contained Medication", () => ({ ...line(), contained: [{ resourceType: "Medication", id: "m1", code: { text: "Amoxicilline 500 mg" } }], medicationCodeableConcept: undefined, medicationReference: { reference: "#m1" } }), /^valid$/],
    ["an unknown property", () => ({ ...aPatient({ given: "Ana", family: "Faux" }), couleur: "bleu" }) as Resource, /^refused: .*couleur/],
    ["a wrong type in a known property", () => ({ ...aPatient({ given: "Ana", family: "Faux" }), birthDate: 1990 }) as unknown as Resource, /^refused/],
    ["a contained Medication with an unknown property", () => ({ ...line(), contained: [{ resourceType: "Medication", id: "m1", dose: "x" } as Resource], medicationCodeableConcept: undefined, medicationReference: { reference: "#m1" } }), /^refused: .*dose/],
    ["a contained resource of a type FHIR does not have", () => ({ ...line(), contained: [{ resourceType: "Sorcellerie", id: "s1" } as unknown as Resource] }), /^refused/],
    ["a contained resource whose type is a path", () => ({ ...line(), contained: [{ resourceType: "../../package", id: "s1" } as unknown as Resource] }), /^refused/],
  ])("%s", (_label, make, expected) => {
    expect(verdict(make())).toMatch(expected);
  });
});
