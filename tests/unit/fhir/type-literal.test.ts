import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { typeLiteral } from "@/server/fhir/search-sql";

/**
 * The one value a search writes into its SQL text instead of a parameter: the resource type
 * (search-sql.ts says why). Only a type's spelling gets through; anything else is refused
 * before any SQL is written.
 */
describe("typeLiteral", () => {
  it.each(["DocumentReference", "Patient", "MedicationDispense", "Communication"])("writes %s as a quoted literal", (type) => {
    expect(typeLiteral(type)).toBe(`'${type}'`);
  });

  it.each(["", "patient", "Patient'", "Patient' OR '1'='1", "Document Reference", "Patient;", "Patient--", "Pat\u00e9ient", `P${"a".repeat(64)}`])(
    "refuses %j",
    (value) => {
      expect(() => typeLiteral(value)).toThrow(TypeError);
    },
  );

  it("never lets a quote, a space or a non-letter through (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), (value) => {
        let written: string | undefined;
        try {
          written = typeLiteral(value);
        } catch {
          return;
        }
        expect(written).toMatch(/^'[A-Z][A-Za-z]*'$/);
        expect(written.length).toBeLessThanOrEqual(66);
      }),
    );
  });
});
