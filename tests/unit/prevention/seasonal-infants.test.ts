import { describe, expect, it } from "vitest";
import { itemFor, person, summary } from "./person";

/**
 * Flu and COVID-19 for a child at risk: from 6 months, not from birth (calendrier des
 * vaccinations 2025, grippe saisonnière; no vaccine is authorised younger). Campaigns of the
 * data: 15 October 2024 to 28 February 2025, 14 October 2025 to 31 January 2026, 13 October 2026
 * (provisional) to 31 January 2027; a campaign's last day is included.
 */
describe("seasonal vaccines for an infant at risk — from 6 months", () => {
  const rows = [
    // The 6-month day inside a campaign: not before it, from it.
    { born: "2025-06-15", on: "2025-12-14", conditions: ["immunocompromised"], expected: { status: "NOT_DUE", due: "2025-12-15" } },
    { born: "2025-06-15", on: "2025-12-15", conditions: ["immunocompromised"], expected: { status: "DUE", due: "2025-12-15" } },
    // 6 months on the campaign's last day: that day only.
    { born: "2025-07-31", on: "2026-01-30", conditions: ["immunocompromised"], expected: { status: "NOT_DUE", due: "2026-01-31" } },
    { born: "2025-07-31", on: "2026-01-31", conditions: ["immunocompromised"], expected: { status: "DUE", due: "2026-01-31" } },
    // 6 months the day after the campaign ends: the next campaign.
    { born: "2025-08-01", on: "2026-01-31", conditions: ["immunocompromised"], expected: { status: "NOT_DUE", due: "2026-10-13" } },
    // Born on 31 August: 6 months on 28 February (no 29th in 2025), the 2024-2025 campaign's last day.
    { born: "2024-08-31", on: "2025-02-27", conditions: ["asthma"], expected: { status: "NOT_DUE", due: "2025-02-28" } },
    { born: "2024-08-31", on: "2025-02-28", conditions: ["asthma"], expected: { status: "DUE", due: "2025-02-28" } },
    // Between campaigns: the next campaign's first day, or the 6-month day if it comes later.
    { born: "2026-05-01", on: "2026-09-01", conditions: ["immunocompromised"], expected: { status: "NOT_DUE", due: "2026-11-01" } },
    { born: "2026-03-01", on: "2026-09-01", conditions: ["immunocompromised"], expected: { status: "NOT_DUE", due: "2026-10-13" } },
    // Older than 6 months when the campaign opens: from its first day, as before.
    { born: "2025-04-14", on: "2025-10-14", conditions: ["diabetes"], expected: { status: "DUE", due: "2025-10-14" } },
    // Not at risk: not concerned, at any age.
    { born: "2025-06-15", on: "2025-12-15", conditions: [], expected: { status: "NOT_APPLICABLE" } },
  ] as const;

  it.each(["FLU", "COVID"].flatMap((item) => rows.map((row) => ({ item, ...row }))))(
    "$item, born $born, $conditions, on $on: $expected.status $expected.due",
    ({ item, born, on, conditions, expected }) => {
      const facts = person({ born, conditions: [...conditions] });
      expect(summary(itemFor(facts, item, on))).toEqual({ due: undefined, next: undefined, dose: undefined, ...expected });
    },
  );

  it("says why it waits, in plain French, to a parent", () => {
    const item = itemFor(person({ born: "2025-06-15", conditions: ["immunocompromised"] }), "FLU", "2025-11-01");
    expect(item.reason).toContain("cette vaccination se fait à partir de 6 mois");
    expect(item.reason).toContain("la dose sera à faire à partir du 15 décembre 2025");
  });
});
