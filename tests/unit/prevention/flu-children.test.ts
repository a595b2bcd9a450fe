import { describe, expect, it } from "vitest";
import { GRIPPE_ENFANTS } from "@/server/prevention/calendars/fr-2025-sources";
import { itemFor, person, summary } from "./person";

/**
 * Flu for every child from 2 to 17 years « révolus », at risk or not (HAS, February 2023, in the
 * calendar since its 2023 edition: fr-2025-sources.ts, GRIPPE_ENFANTS). Campaigns of the data:
 * 14 October 2025 to 31 January 2026, 13 October 2026 (provisional) to 31 January 2027; a
 * campaign's last day is included. Before, a healthy child of 10 read « Non concerné ».
 */
describe("flu for children from 2 to 17 years", () => {
  const rows = [
    // The second birthday inside a campaign: not the day before, from that day.
    { born: "2023-12-01", on: "2025-11-30", shots: [], expected: { status: "NOT_APPLICABLE" } },
    { born: "2023-12-01", on: "2025-12-01", shots: [], expected: { status: "DUE", due: "2025-10-14" } },
    // A child of 10 in the campaign, before it, and after it.
    { born: "2016-03-10", on: "2026-12-07", shots: [], expected: { status: "DUE", due: "2026-10-13" } },
    { born: "2016-03-10", on: "2026-09-01", shots: [], expected: { status: "NOT_DUE", due: "2026-10-13" } },
    { born: "2016-03-10", on: "2026-02-01", shots: [], expected: { status: "NOT_DUE", due: "2026-10-13" } },
    // The campaign's last day still counts.
    { born: "2016-03-10", on: "2027-01-31", shots: [], expected: { status: "DUE", due: "2026-10-13" } },
    // Vaccinated during this campaign: done until the next one; last year's dose does not count.
    { born: "2016-03-10", on: "2026-12-07", shots: [["flu", "2026-10-20"]], expected: { status: "COMPLETE" } },
    { born: "2016-03-10", on: "2026-12-07", shots: [["flu", "2025-11-02"]], expected: { status: "DUE", due: "2026-10-13" } },
    // 17 until the eve of the 18th birthday, then an adult without risk: not concerned.
    { born: "2009-01-15", on: "2027-01-14", shots: [], expected: { status: "DUE", due: "2026-10-13" } },
    { born: "2009-01-15", on: "2027-01-15", shots: [], expected: { status: "NOT_APPLICABLE" } },
  ] as const;

  it.each(rows)("born $born, on $on, doses $shots: $expected.status $expected.due", ({ born, on, shots, expected }) => {
    const item = itemFor(person({ born, shots: shots.map(([kind, day]) => [kind, day]) }), "FLU", on);
    const { next: _next, ...stated } = summary(item);
    expect(stated).toEqual({ due: undefined, dose: undefined, ...expected });
  });

  it("tells a parent why, with the recommendation that added children as its source", () => {
    const item = itemFor(person({ born: "2016-03-10" }), "FLU", "2026-12-07");
    expect(item.reason).toContain("proposée chaque année aux enfants de 2 à 17 ans, de préférence en pulvérisation nasale");
    expect(item.reason).toContain("aucune dose n'est enregistrée");
    expect(item.reason).toContain("dates prévisionnelles à confirmer");
    expect(item.source).toEqual(GRIPPE_ENFANTS);
    expect(item.reason.endsWith(`${GRIPPE_ENFANTS.document}, ${GRIPPE_ENFANTS.edition}.`)).toBe(true);
  });

  it("names the child's condition rather than her age when her record gives one, with the calendar as source", () => {
    const item = itemFor(person({ born: "2016-03-10", conditions: ["asthma"] }), "FLU", "2026-12-07");
    expect(item.status).toBe("DUE");
    expect(item.reason).toContain("mentionne un asthme");
    expect(item.reason).not.toContain("enfants de 2 à 17 ans");
    expect(item.source).not.toEqual(GRIPPE_ENFANTS);
  });

  it("says to whom it is recommended when the person is not concerned", () => {
    const baby = itemFor(person({ born: "2025-06-01" }), "FLU", "2026-12-07");
    expect(baby.status).toBe("NOT_APPLICABLE");
    expect(baby.reason).toContain("à partir de 65 ans, pour les enfants de 2 à 17 ans, ou pour les personnes ayant");
  });

  it("leaves COVID-19 as it was: a healthy child is not concerned", () => {
    expect(itemFor(person({ born: "2016-03-10" }), "COVID", "2026-12-07").status).toBe("NOT_APPLICABLE");
  });
});
