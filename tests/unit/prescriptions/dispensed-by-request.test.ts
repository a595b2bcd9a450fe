import type { MedicationDispense } from "@medplum/fhirtypes";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dispensedByRequest } from "@/server/prescriptions/prescription-model";

const LINE_A = "11111111-1111-4111-8111-111111111111";
const LINE_B = "22222222-2222-4222-8222-222222222222";

function dispense(fields: { line?: string; reference?: string; status?: MedicationDispense["status"]; quantity?: unknown }): MedicationDispense {
  return {
    resourceType: "MedicationDispense",
    status: fields.status ?? "completed",
    authorizingPrescription: [{ reference: fields.reference ?? `MedicationRequest/${fields.line ?? LINE_A}` }],
    ...(fields.quantity === undefined ? {} : { quantity: { value: fields.quantity as number } }),
  } as MedicationDispense;
}

/**
 * What was handed over per line, summed from the dispensations a page read (every page of them):
 * the prescription's, the prescriptions' and the pharmacist's pages show what remains from it,
 * and the pharmacist's form is checked against it.
 */
describe("the quantity handed over per prescription line", () => {
  it.each([
    ["completed dispensations of one line add up", [dispense({ quantity: 2 }), dispense({ quantity: 3 })], { [LINE_A]: 5 }],
    ["each line its own", [dispense({ quantity: 2 }), dispense({ line: LINE_B, quantity: 7 })], { [LINE_A]: 2, [LINE_B]: 7 }],
    ["one not completed counts for nothing", [dispense({ quantity: 2 }), dispense({ quantity: 9, status: "in-progress" }), dispense({ quantity: 9, status: "cancelled" })], { [LINE_A]: 2 }],
    ["one with no quantity counts for nothing", [dispense({ quantity: 2 }), dispense({})], { [LINE_A]: 2 }],
    ["a quantity that is not a finite number counts for nothing (not « 2 » + « 3 » = « 23 »)", [dispense({ quantity: 2 }), dispense({ quantity: "3" }), dispense({ quantity: Number.NaN }), dispense({ quantity: Infinity })], { [LINE_A]: 2 }],
    ["one that names no prescription line is no line's", [dispense({ quantity: 2 }), dispense({ reference: `Medication/${LINE_B}`, quantity: 4 }), dispense({ reference: "", quantity: 4 })], { [LINE_A]: 2 }],
    ["none", [], {}],
  ] as const)("%s", (_, dispenses, expected) => {
    expect(Object.fromEntries(dispensedByRequest([...dispenses]))).toEqual(expected);
  });

  it("is the sum of the completed whole quantities, whatever their order", () => {
    const arbitraryDispense = fc.record({
      line: fc.constantFrom(LINE_A, LINE_B),
      status: fc.constantFrom("completed", "in-progress", "cancelled", "stopped") as fc.Arbitrary<MedicationDispense["status"]>,
      quantity: fc.integer({ min: 0, max: 10_000 }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryDispense, { maxLength: 200 }), (drawn) => {
        const totals = dispensedByRequest(drawn.map((d) => dispense(d)));
        const reversed = dispensedByRequest(drawn.map((d) => dispense(d)).reverse());
        for (const line of [LINE_A, LINE_B]) {
          const expected = drawn.filter((d) => d.line === line && d.status === "completed").reduce((sum, d) => sum + d.quantity, 0);
          expect(totals.get(line) ?? 0).toBe(expected);
          expect(reversed.get(line) ?? 0).toBe(expected);
        }
      }),
    );
  });
});
