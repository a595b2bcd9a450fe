import { describe, expect, it } from "vitest";
import { newDueItems } from "@/server/prevention/new-due-items";
import { recommend } from "@/server/prevention/recommend";
import { FR_2025 } from "@/server/prevention/calendars/fr-2025";
import { itemFor, person, summary } from "./person";

/**
 * The adult MMR catch-up is a live vaccine, not given during a pregnancy (fr-2025.ts cites why):
 * a pregnant woman of 34 with no MMR dose read it « À faire maintenant », and would have had it in
 * her daily notices. During the pregnancy it is not due, and says so; after it, due again.
 */
const on = "2026-12-06";
const pregnant = person({ born: "1992-11-25", sex: "female", conditions: ["pregnancy"], pregnancyStart: "2026-06-07" });

describe("the adult MMR catch-up during a pregnancy", () => {
  it("is not due while she is pregnant, and says it is to do after the birth", () => {
    const item = itemFor(pregnant, "ROR_CATCHUP", on);
    expect(summary(item)).toEqual({ status: "NOT_DUE", due: undefined, next: undefined, dose: 1 });
    expect(item.reason).toContain("ce vaccin vivant ne se fait pas pendant la grossesse");
    expect(item.reason).toContain("est à faire après l'accouchement");
    expect(newDueItems(recommend(pregnant, FR_2025, on), new Set(), { all: false, themes: new Set() }).map((i) => i.item)).not.toContain("ROR_CATCHUP");
  });

  it("is due as before once the pregnancy is over (42 weeks from its first day), and for a woman who is not pregnant", () => {
    expect(itemFor(pregnant, "ROR_CATCHUP", "2027-04-01").status).toBe("DUE");
    expect(itemFor(person({ born: "1992-11-25", sex: "female" }), "ROR_CATCHUP", on).status).toBe("DUE");
  });

  it("stays complete when her two doses are recorded", () => {
    const vaccinated = person({ born: "1992-11-25", sex: "female", conditions: ["pregnancy"], pregnancyStart: "2026-06-07", shots: [["ror", "1993-12-01"], ["ror", "1994-06-01"]] });
    expect(itemFor(vaccinated, "ROR_CATCHUP", on).status).toBe("COMPLETE");
  });
});
