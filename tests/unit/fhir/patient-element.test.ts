import type { Resource } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { patientReferenceOf } from "@/server/fhir/columns";
import { prepareForWrite } from "@/server/fhir/prepare-write";

const PATIENT = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";
const jean = { kind: "patient", accountId: "a", patientId: PATIENT } as const;

/** Where each type of a patient's compartment names its patient (FHIR R4, Patient compartment). */
const ELEMENTS = [
  ["Consent", "patient"],
  ["Immunization", "patient"],
  ["AllergyIntolerance", "patient"],
  ["RelatedPerson", "patient"],
  ["DocumentReference", "subject"],
  ["MedicationRequest", "subject"],
  ["MedicationDispense", "subject"],
  ["Condition", "subject"],
  ["Observation", "subject"],
  ["Procedure", "subject"],
  ["Communication", "subject"],
  ["QuestionnaireResponse", "subject"],
] as const;

const resource = (type: string, fields: Record<string, unknown> = {}) => ({ resourceType: type, ...fields }) as unknown as Resource;
const at = { id: "33333333-3333-4333-8333-333333333333", versionId: 1, now: new Date("2026-12-05T10:00:00Z") };

describe("the element that names a resource's patient, read and written from one list", () => {
  it.each(ELEMENTS)("%s: read from `%s`, and nowhere else", (type, element) => {
    const other = element === "patient" ? "subject" : "patient";
    expect(patientReferenceOf(resource(type, { [element]: { reference: `Patient/${OTHER}` } }))).toBe(`Patient/${OTHER}`);
    expect(patientReferenceOf(resource(type, { [other]: { reference: `Patient/${OTHER}` } }))).toBeNull();
  });

  it.each(ELEMENTS)("%s created in a space without a patient: the space's, in `%s`", (type, element) => {
    const written = prepareForWrite(jean, resource(type), at) as unknown as Record<string, unknown>;
    expect(written[element]).toEqual({ reference: `Patient/${PATIENT}` });
    expect(patientReferenceOf(written as unknown as Resource)).toBe(`Patient/${PATIENT}`);
  });

  it("a resource that names its patient keeps it (decide() refuses another patient, not this step)", () => {
    const written = prepareForWrite(jean, resource("Condition", { subject: { reference: `Patient/${OTHER}` } }), at);
    expect(patientReferenceOf(written)).toBe(`Patient/${OTHER}`);
  });

  it("the Patient is its own; a Binary and a directory resource name no patient, and get none", () => {
    expect(patientReferenceOf(resource("Patient", { id: PATIENT }))).toBe(`Patient/${PATIENT}`);
    for (const type of ["Binary", "Practitioner", "Organization", "constructor", "toString"]) {
      expect(patientReferenceOf(resource(type, { patient: { reference: `Patient/${OTHER}` }, subject: { reference: `Patient/${OTHER}` } }))).toBeNull();
      const written = prepareForWrite(jean, resource(type), at) as unknown as Record<string, unknown>;
      expect(written.patient).toBeUndefined();
      expect(written.subject).toBeUndefined();
    }
  });
});
