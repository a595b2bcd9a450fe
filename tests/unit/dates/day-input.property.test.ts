import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { typedDay } from "@/lib/dates/day-input";

/** A day as the date picker sends it, or as a person types it where the browser has none. */
describe("a day typed in a form", () => {
  const schema = typedDay();
  const read = (value: unknown) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : "refused";
  };

  it.each([
    ["1985-03-14", "1985-03-14"],
    ["14/03/1985", "1985-03-14"],
    [" 14/03/1985 ", "1985-03-14"],
    ["4/3/1985", "1985-03-04"],
    ["14.03.1985", "1985-03-14"],
    ["14-03-1985", "1985-03-14"],
    ["29/02/2024", "2024-02-29"],
    ["31/02/1985", "refused"],
    ["29/02/2023", "refused"],
    ["03/14/1985", "refused"],
    ["14/03/85", "refused"],
    ["1985/03/14", "refused"],
    ["hier", "refused"],
    ["", "refused"],
    [undefined, "refused"],
  ] as const)("reads %j as %s", (typed, expected) => {
    expect(read(typed)).toBe(expected);
  });

  it("reads every real day the same, typed the French way or sent by the date picker", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [year, month, day] = iso.split("-");
        expect(read(iso)).toBe(iso);
        expect(read(`${day}/${month}/${year}`)).toBe(iso);
      }),
      { numRuns: 1000 },
    );
  });

  it("never gives anything but an ISO day", () => {
    fc.assert(
      fc.property(fc.string(), (typed) => {
        const day = read(typed);
        if (day !== "refused") expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
    );
  });
});
