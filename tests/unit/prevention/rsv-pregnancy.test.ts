import { describe, expect, it } from "vitest";
import { FR_2025 } from "@/server/prevention/calendars/fr-2025";
import { concernsPerson } from "@/server/prevention/concerns-person";
import { recommend } from "@/server/prevention/recommend";
import type { VaccineKind } from "@/server/prevention/types";
import { itemFor, person, summary } from "./person";

/**
 * The maternal RSV vaccine (Abrysvo, HAS 13 June 2024): from 32 to 36 weeks of amenorrhoea (to
 * 36 weeks and 6 days), during the campaign only, an alternative to the baby's antibody. Weeks
 * from the pregnancy's first day (evaluators/pregnancy.ts). Begun on 20 April 2026: 32 weeks on
 * 30 November 2026, 36 weeks and 6 days on 3 January 2027, in the foreseen 2026-2027 campaign.
 */
const pregnant = (start: string | null, shots: [VaccineKind, string][] = []) =>
  person({ born: "1995-05-10", sex: "female", conditions: ["pregnancy"], pregnancyStart: start ?? undefined, shots });

describe("RSV_PREGNANCY — the maternal vaccine, from 32 to 36 weeks, in season", () => {
  it.each([
    { case: "not pregnant", facts: person({ born: "1995-05-10", sex: "female" }), on: "2026-12-07", expected: { status: "NOT_APPLICABLE" } },
    { case: "31 weeks and 6 days", facts: pregnant("2026-04-20"), on: "2026-11-29", expected: { status: "NOT_DUE", due: "2026-11-30" } },
    { case: "32 weeks, in the campaign", facts: pregnant("2026-04-20"), on: "2026-11-30", expected: { status: "DUE", due: "2026-11-30" } },
    { case: "36 weeks and 6 days", facts: pregnant("2026-04-20"), on: "2027-01-03", expected: { status: "DUE", due: "2026-11-30" } },
    { case: "37 weeks: no longer", facts: pregnant("2026-04-20"), on: "2027-01-04", expected: { status: "NOT_APPLICABLE" } },
    { case: "Abrysvo at 33 weeks", facts: pregnant("2026-04-20", [["rsv", "2026-12-05"]]), on: "2026-12-07", expected: { status: "COMPLETE" } },
    { case: "an RSV dose before this pregnancy", facts: pregnant("2026-04-20", [["rsv", "2025-10-01"]]), on: "2026-12-07", expected: { status: "DUE", due: "2026-11-30" } },
    { case: "the baby's antibody is no maternal vaccine", facts: pregnant("2026-04-20", [["nirsevimab", "2026-12-05"]]), on: "2026-12-07", expected: { status: "DUE", due: "2026-11-30" } },
    // 32 weeks in August, before the campaign: from its first day, to 36 weeks and 6 days.
    { case: "32 weeks before the campaign opens", facts: pregnant("2026-01-05"), on: "2026-08-20", expected: { status: "NOT_DUE", due: "2026-09-01" } },
    { case: "the campaign's first day, at 34 weeks", facts: pregnant("2026-01-05"), on: "2026-09-01", expected: { status: "DUE", due: "2026-09-01" } },
    { case: "its 36 weeks and 6 days", facts: pregnant("2026-01-05"), on: "2026-09-20", expected: { status: "DUE", due: "2026-09-01" } },
    // The campaign ends within the weeks: up to its last day.
    { case: "32 weeks, 4 days before the campaign ends", facts: pregnant("2025-07-07"), on: "2026-02-16", expected: { status: "DUE", due: "2026-02-16" } },
    { case: "the day after the campaign's end", facts: pregnant("2025-07-07"), on: "2026-02-21", expected: { status: "NOT_APPLICABLE" } },
    // The weeks between two campaigns (July-August 2026): not in this pregnancy.
    { case: "32 to 36 weeks in summer, between campaigns", facts: pregnant("2025-12-01"), on: "2026-05-01", expected: { status: "NOT_APPLICABLE" } },
    // Weeks beyond the campaigns the calendar holds: their dates are not published.
    { case: "32 weeks in August 2027", facts: pregnant("2027-01-04"), on: "2027-03-01", expected: { status: "NOT_DUE" } },
    { case: "a pregnancy without its first day", facts: pregnant(null), on: "2026-12-07", expected: { status: "NOT_DUE" } },
  ])("$case: $expected.status", ({ facts, on, expected }) => {
    expect(summary(itemFor(facts, "RSV_PREGNANCY", on))).toEqual({ due: undefined, next: undefined, dose: undefined, ...expected });
  });

  it("says why in plain French: an alternative to the baby's antibody, until when, the dates foreseen", () => {
    const reason = itemFor(pregnant("2026-04-20"), "RSV_PREGNANCY", "2026-12-07").reason;
    expect(reason).toContain("(33 semaines d'aménorrhée) et aucune vaccination contre le VRS n'est enregistrée pendant cette grossesse : elle est proposée maintenant, jusqu'au 3 janvier 2027");
    expect(reason).toContain("dates prévisionnelles à confirmer");
    expect(reason).toContain("C'est une alternative à l'anticorps (nirsévimab) donné au bébé après la naissance, au choix des parents");
    expect(itemFor(pregnant("2025-07-07"), "RSV_PREGNANCY", "2026-02-16").reason).toContain("jusqu'au 20 février 2026");
    expect(itemFor(pregnant("2026-04-20", [["rsv", "2026-12-05"]]), "RSV_PREGNANCY", "2026-12-07").reason).toContain("le bébé n'a pas besoin de l'anticorps (nirsévimab)");
    expect(itemFor(pregnant("2026-04-20"), "RSV_PREGNANCY", "2027-01-04").reason).toContain("Le bébé pourra recevoir l'anticorps (nirsévimab)");
  });

  it("says the same to every woman who is not pregnant, and is left out of a man's and a baby's page, as the pertussis item", () => {
    const none = itemFor(person({ born: "1995-05-10", sex: "female" }), "RSV_PREGNANCY", "2026-12-07").reason;
    expect(itemFor(pregnant("2025-01-01", [["rsv", "2025-09-10"]]), "RSV_PREGNANCY", "2026-12-07").reason).toBe(none);
    expect(none).not.toMatch(/dossier|grossesse en cours/);
    const on = "2026-12-07";
    for (const who of [{ sex: "male" as const, birthDate: "1995-05-10" }, { sex: "female" as const, birthDate: "2026-09-01" }]) {
      const item = recommend(person({ born: who.birthDate, sex: who.sex }), FR_2025, on).find((i) => i.item === "RSV_PREGNANCY")!;
      expect(concernsPerson(item, who, on)).toBe(false);
    }
    expect(itemFor(pregnant("2026-04-20"), "RSV_PREGNANCY", on).records).toEqual({ vaccine: "rsv" });
  });
});
