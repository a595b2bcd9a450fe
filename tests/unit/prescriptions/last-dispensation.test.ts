import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aDispense, aPrescription } from "@/lib/fhir/builders/prescriptions";
import { assemblePrescription, lastDispensation } from "@/server/prescriptions/prescription-model";

const NOW = new Date("2026-12-07T10:00:00Z");
const [lineA, lineB] = aPrescription({
  patientId: "p1",
  requesterId: "d1",
  authoredOn: "2026-10-01T08:00:00Z",
  lines: [
    { medication: "Amoxicilline 1 g", dosage: "1 matin et soir", quantity: { value: 2, unit: "boîte(s)" }, repeats: 3 },
    { medication: "Paracétamol 1 g", dosage: "si douleur", quantity: { value: 1, unit: "boîte(s)" }, repeats: 3 },
  ],
});
const prescriptionId = lineA!.groupIdentifier!.value!;
const DAYS = ["2026-10-02T09:00:00Z", "2026-11-03T15:30:00Z", "2026-11-20T11:00:00Z", "2026-12-01T17:45:00Z"];

/**
 * « Dernière délivrance » on a past prescription and « Dernière délivrance de ce médicament » on
 * the pharmacist's form: the latest dispensation read off the assembled prescription, whatever
 * order the store returned them in.
 */
describe("the latest dispensation of a prescription or of one line", () => {
  it("is the newest handed over, of the line asked for, in any order read", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(DAYS.flatMap((when) => [{ when, line: "A" }, { when, line: "B" }]), { minLength: 1 }), (fills) => {
        const dispenses = fills.map(({ when, line }) => aDispense({ request: line === "A" ? lineA! : lineB!, pharmacyId: "ph1", whenHandedOver: when, fill: "refill" }));
        const prescription = assemblePrescription(prescriptionId, [lineA!, lineB!], dispenses, NOW)!;
        const newest = (line?: string) => fills.filter((f) => !line || f.line === line).map((f) => f.when).sort().at(-1);
        expect(lastDispensation(prescription.dispensations)?.when).toBe(newest());
        expect(lastDispensation(prescription.dispensations, lineA!.id)?.when).toBe(newest("A"));
        expect(lastDispensation(prescription.dispensations, lineB!.id)?.when).toBe(newest("B"));
      }),
    );
  });

  it("is none when nothing was handed over, or nothing with a date", () => {
    const undated = aDispense({ request: lineA!, pharmacyId: "ph1" });
    delete undated.whenHandedOver;
    expect(lastDispensation(assemblePrescription(prescriptionId, [lineA!, lineB!], [], NOW)!.dispensations)).toBeUndefined();
    expect(lastDispensation(assemblePrescription(prescriptionId, [lineA!, lineB!], [undated], NOW)!.dispensations)).toBeUndefined();
  });
});
