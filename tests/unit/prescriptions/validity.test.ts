import type { MedicationRequest } from "@medplum/fhirtypes";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fhirEnd } from "@/lib/dates/fhir-date";
import { aPrescription } from "@/lib/fhir/builders/prescriptions";
import { defaultValidityDay, validityEndMsOf } from "@/lib/prescriptions/validity";
import { assemblePrescription } from "@/server/prescriptions/prescription-model";

/** A prescription's validity is a span of Paris days, its last day included, the end of month kept. */
const line = (authoredOn: string, validUntil?: string): MedicationRequest =>
  aPrescription({ patientId: "p", requesterId: "d", authoredOn, validUntil, prescriptionId: "rx" })[0]!;

describe("the last day of a prescription's validity", () => {
  it.each([
    // Signed on the Paris day, three months on, kept inside the month.
    { authoredOn: "2026-11-30T10:00:00Z", day: "2027-02-28" },
    { authoredOn: "2027-11-30T10:00:00Z", day: "2028-02-29" },
    { authoredOn: "2026-01-15T09:30:00Z", day: "2026-04-15" },
    // 23:30 UTC on 31 December is already 1 January in Paris.
    { authoredOn: "2026-12-31T23:30:00Z", day: "2027-04-01" },
    // 22:30 UTC on 30 June is 00:30 on 1 July in Paris (summer time).
    { authoredOn: "2027-06-30T22:30:00Z", day: "2027-10-01" },
  ])("signed at $authoredOn: valid to $day included", ({ authoredOn, day }) => {
    expect(defaultValidityDay(authoredOn)).toBe(day);
    expect(line(authoredOn).dispenseRequest?.validityPeriod?.end).toBe(day);
  });

  it.each([
    { end: "2027-06-30", last: "2027-06-30T21:59:59.999Z" },
    { end: "2027-01-31", last: "2027-01-31T22:59:59.999Z" },
    { end: "2026-10-25", last: "2026-10-25T22:59:59.999Z" },
    { end: "2027-06-30T12:00:00+02:00", last: "2027-06-30T10:00:00.000Z" },
  ])("a validity ending $end lasts to $last", ({ end, last }) => {
    // Kept per value: the first answer and every one after it.
    for (let time = 0; time < 2; time++) expect(new Date(validityEndMsOf(line("2027-01-10T10:00:00Z", end))!).toISOString()).toBe(last);
  });

  it.each([
    { now: "2027-06-30T21:30:00Z", state: "active" },
    { now: "2027-06-30T21:59:59.999Z", state: "active" },
    { now: "2027-06-30T22:00:00.000Z", state: "expired" },
  ])("a prescription valid to 30 June is $state at $now", ({ now, state }) => {
    const prescription = assemblePrescription("rx", [{ ...line("2027-04-10T10:00:00Z", "2027-06-30"), id: "l1" }], [], new Date(now));
    expect(prescription?.state).toBe(state);
    expect(prescription?.validUntil).toBe("2027-06-30T21:59:59.999Z");
  });
});

describe("the end of validity, kept per value", () => {
  const instant = fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2060-12-31T23:59:59Z"), noInvalidDate: true }).map((d) => d.toISOString());
  const written = fc.oneof(
    fc.constant(undefined),
    instant.map((iso) => iso.slice(0, 10)),
    instant.map((iso) => iso.slice(0, 7)),
    instant,
    fc.constantFrom("", "2027-13-01", "demain"),
  );

  it("is, the first time and every time after, what the written end or the default says", () => {
    fc.assert(
      fc.property(instant, written, (authoredOn, end) => {
        const request: MedicationRequest = { resourceType: "MedicationRequest", status: "active", intent: "order", subject: { reference: "Patient/p" }, authoredOn, dispenseRequest: end === undefined ? undefined : { validityPeriod: { end } } };
        // Uncached: the written end when it is a date, else three months of Paris days from the signing.
        const expected = (end ? fhirEnd(end) : undefined) ?? fhirEnd(defaultValidityDay(authoredOn));
        expect(validityEndMsOf(request)).toBe(expected?.getTime());
        expect(validityEndMsOf(request)).toBe(expected?.getTime());
      }),
      { numRuns: 300 },
    );
  });
});
