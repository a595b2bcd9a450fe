import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/access/actor";
import { seesDeleted } from "@/server/access/deleted-resources";

const P = "a0000000-0000-4000-8000-000000000001";
const OTHER = "a0000000-0000-4000-8000-000000000002";

/** Who still sees a deleted resource of patient P (its history, its versions, audit entries naming it). */
const CASES: [string, Actor, boolean][] = [
  ["the patient, in their own space", { kind: "patient", accountId: "a", patientId: P }, true],
  ["another patient", { kind: "patient", accountId: "a", patientId: OTHER }, false],
  ["a guardian of P", { kind: "guardian", accountId: "a", selfPatientId: OTHER, patientId: P, relatedPersonId: "r" }, false],
  ["a caregiver of P", { kind: "delegate", accountId: "a", selfPatientId: OTHER, patientId: P, relatedPersonId: "r" }, false],
  ["a professional, even its author", { kind: "practitioner", accountId: "a", practitionerId: "b" }, false],
  ["a link holder", { kind: "link", linkId: "l", patientId: P, prescriptionId: "rx", pharmacy: "p" }, false],
  ["the system", { kind: "system", purpose: "test" }, true],
];

describe("seesDeleted", () => {
  it.each(CASES)("%s → %s", (_who, actor, expected) => {
    expect(seesDeleted(actor, P)).toBe(expected);
  });

  it("is false for a resource of no patient, except for the system", () => {
    expect(seesDeleted({ kind: "patient", accountId: "a", patientId: P }, null)).toBe(false);
    expect(seesDeleted({ kind: "system", purpose: "test" }, null)).toBe(true);
  });
});
