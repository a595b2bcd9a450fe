import { describe, expect, it } from "vitest";
import { bilanDate } from "@/lib/prevention/bilan-date";

describe("bilanDate: when a prevention questionnaire was filled in", () => {
  it.each([
    ["an instant, in Paris's time (winter)", "2026-12-08T10:30:00.000Z", "8 décembre 2026 à 11:30"],
    ["an instant, in Paris's time (summer)", "2026-07-01T21:45:00Z", "1er juillet 2026 à 23:45"],
    ["an instant past midnight in Paris, still the 30th in UTC", "2026-11-30T23:30:00Z", "1er décembre 2026 à 00:30"],
    ["a day alone (a FHIR dateTime may be one): that Paris day, no « à 01:00 »", "2026-12-08", "8 décembre 2026"],
    ["nothing", null, "?"],
    ["not a date", "bientôt", "?"],
  ])("%s", (_, authored, shown) => {
    expect(bilanDate(authored)).toBe(shown);
  });
});
