import { describe, expect, it } from "vitest";
import { aPrescription } from "@/lib/fhir/builders/prescriptions";
import { dispensableAtOnce } from "@/server/prescriptions/dispensing-rules";
import { assemblePrescription } from "@/server/prescriptions/prescription-model";

/**
 * What one dispensation may hand over (code de la sécurité sociale, R. 5123-2): at most a month of
 * treatment, which a prescription writes as one fill, renewed; twelve weeks of a contraceptive.
 * The rest of the fill under way, never a renewal's with it.
 */
describe("what one dispensation may hand over", () => {
  it.each([
    // perFill, total, dispensed, contraceptive → at once
    { perFill: 14, total: 14, dispensed: 0, contraceptive: false, expected: 14 },
    { perFill: 2, total: 4, dispensed: 0, contraceptive: false, expected: 2 },
    // Part of the first fill handed over: the rest of it, not the renewal.
    { perFill: 2, total: 4, dispensed: 1, contraceptive: false, expected: 1 },
    { perFill: 2, total: 4, dispensed: 2, contraceptive: false, expected: 2 },
    { perFill: 2, total: 4, dispensed: 3, contraceptive: false, expected: 1 },
    { perFill: 2, total: 4, dispensed: 4, contraceptive: false, expected: 0 },
    // A year of a pill in fills of one box: three boxes at once, then the rest of the three.
    { perFill: 1, total: 12, dispensed: 0, contraceptive: true, expected: 3 },
    { perFill: 1, total: 12, dispensed: 10, contraceptive: true, expected: 2 },
    { perFill: 2, total: 12, dispensed: 1, contraceptive: true, expected: 5 },
    // Nothing to hand over in a fill of nothing.
    { perFill: 0, total: 0, dispensed: 0, contraceptive: false, expected: 0 },
  ])("fills of $perFill, $dispensed of $total handed over, contraceptive $contraceptive: $expected", ({ perFill, total, dispensed, contraceptive, expected }) => {
    expect(dispensableAtOnce(perFill, total, dispensed, contraceptive)).toBe(expected);
  });

  it("reads a contraceptive from the line's ATC code (G03A); an ended line, or one outside its validity, hands over nothing", () => {
    const [pill, inhaler] = aPrescription({
      patientId: "p",
      requesterId: "r",
      lines: [
        { medication: "Lévonorgestrel/éthinylestradiol 100/20 µg", atc: "G03AA07", dosage: "1 comprimé par jour", quantity: { value: 1, unit: "plaquette(s) de 28" }, repeats: 11 },
        { medication: "Salbutamol 100 µg par dose", atc: "R03AC02", dosage: "2 bouffées si gêne", quantity: { value: 1, unit: "flacon(s)" }, repeats: 2 },
      ],
    });
    const lines = assemblePrescription("x", [pill!, inhaler!], [], new Date())!.lines;
    expect(lines.map((line) => [line.medication.split(" ")[0], line.remainingQuantity, line.dispensableNow])).toEqual([
      ["Lévonorgestrel/éthinylestradiol", 12, 3],
      ["Salbutamol", 3, 1],
    ]);
    const ended = assemblePrescription("x", [{ ...inhaler!, status: "completed" }], [], new Date())!.lines[0]!;
    expect(ended.dispensableNow).toBe(0);
    // Outside the line's own validity (a later first day, or past its end): nothing now, all still remaining.
    const later = { ...inhaler!, dispenseRequest: { ...inhaler!.dispenseRequest, validityPeriod: { start: "2026-12-20", end: "2027-03-19" } } };
    for (const on of ["2026-12-19T22:59:59Z", "2027-03-19T23:00:00Z"]) {
      expect(assemblePrescription("x", [later], [], new Date(on))!.lines[0]!, on).toMatchObject({ remainingQuantity: 3, dispensableNow: 0 });
    }
    // Its first and last Paris days are in.
    for (const on of ["2026-12-19T23:00:00Z", "2027-03-19T22:59:59Z"]) {
      expect(assemblePrescription("x", [later], [], new Date(on))!.lines[0]!.dispensableNow, on).toBe(1);
    }
  });
});
