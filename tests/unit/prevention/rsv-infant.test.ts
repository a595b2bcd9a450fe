import { describe, expect, it } from "vitest";
import { FR_2025 } from "@/server/prevention/calendars/fr-2025";
import { extractFacts } from "@/server/prevention/extract-facts";
import { recommend } from "@/server/prevention/recommend";
import type { VaccineKind } from "@/server/prevention/types";
import { itemFor, person, summary } from "./person";

/**
 * The infant's protection against bronchiolitis (RSV_INFANT): one dose of nirsevimab in the first
 * RSV season (HAS, 14 September 2023), over the campaigns of calendars/fr-2025.ts: 2024-2025 from
 * 15 September 2024 to 31 January 2025 for those born since 1 January 2024; 2025-2026 from 1
 * September 2025 to 20 February 2026 for those born since 1 February 2025; 2026-2027 foreseen
 * from 1 September 2026 to 28 February 2027 for those born since 1 February 2026.
 */
const baby = (born: string, shots: [VaccineKind, string][] = []) => person({ born, sex: "male", shots });

describe("RSV_INFANT — an antibody for the first RSV season", () => {
  it.each([
    // Born during the season: due from the birth.
    { case: "born during the 2026-2027 season", facts: baby("2026-10-10"), on: "2026-12-07", expected: { status: "DUE", due: "2026-10-10" } },
    { case: "born on the campaign's first day", facts: baby("2025-09-01"), on: "2025-09-03", expected: { status: "DUE", due: "2025-09-01" } },
    // Born since February, entering the season: not due before it opens, due from its first day.
    { case: "born in March, the day before the campaign", facts: baby("2026-03-15"), on: "2026-08-31", expected: { status: "NOT_DUE", due: "2026-09-01" } },
    { case: "born in March, the campaign's first day", facts: baby("2026-03-15"), on: "2026-09-01", expected: { status: "DUE", due: "2026-09-01" } },
    { case: "born on the catch-up's first day (1 February 2025)", facts: baby("2025-02-01"), on: "2025-10-01", expected: { status: "DUE", due: "2025-09-01" } },
    { case: "born on the 2024-2025 campaign's last day, before the catch-up", facts: baby("2025-01-31"), on: "2025-01-31", expected: { status: "DUE", due: "2025-01-31" } },
    { case: "the same baby in the next campaign: not in its catch-up", facts: baby("2025-01-31"), on: "2025-10-01", expected: { status: "NOT_APPLICABLE" } },
    { case: "born the day before the 2026-2027 catch-up", facts: baby("2026-01-31"), on: "2026-12-07", expected: { status: "NOT_APPLICABLE" } },
    { case: "born in February 2026, in the 2025-2026 campaign, in it", facts: baby("2026-02-10"), on: "2026-02-15", expected: { status: "DUE", due: "2026-02-10" } },
    { case: "born in February 2026, not protected then: the 2026-2027 catch-up", facts: baby("2026-02-10"), on: "2026-09-15", expected: { status: "DUE", due: "2026-09-01" } },
    // The season's last day, and the day after: no longer asked for.
    { case: "the 2025-2026 campaign's last day", facts: baby("2025-10-01"), on: "2026-02-20", expected: { status: "DUE", due: "2025-10-01" } },
    { case: "the day after it", facts: baby("2025-10-01"), on: "2026-02-21", expected: { status: "NOT_APPLICABLE" } },
    { case: "born in June 2025, a year later", facts: baby("2025-06-01"), on: "2026-12-07", expected: { status: "NOT_APPLICABLE" } },
    { case: "the foreseen 2026-2027 campaign's last day", facts: baby("2026-09-01"), on: "2027-02-28", expected: { status: "DUE", due: "2026-09-01" } },
    { case: "born in 2023, before the campaigns the calendar holds", facts: baby("2023-12-31"), on: "2024-10-01", expected: { status: "NOT_APPLICABLE" } },
    { case: "an adult", facts: person({ born: "1990-01-01" }), on: "2026-12-07", expected: { status: "NOT_APPLICABLE" } },
    // Born after the last campaign the calendar holds: the next one's dates are not known.
    { case: "born after the campaigns the calendar holds", facts: baby("2027-03-15"), on: "2027-04-01", expected: { status: "NOT_DUE" } },
    // Done: a dose of nirsevimab since the birth, whenever.
    { case: "nirsevimab at the maternity", facts: baby("2026-10-10", [["nirsevimab", "2026-10-12"]]), on: "2026-12-07", expected: { status: "COMPLETE" } },
    { case: "nirsevimab in the catch-up, a year later", facts: baby("2025-03-01", [["nirsevimab", "2025-09-20"]]), on: "2026-12-07", expected: { status: "COMPLETE" } },
    { case: "an RSV vaccine is no antibody", facts: baby("2026-10-10", [["rsv", "2026-10-12"]]), on: "2026-12-07", expected: { status: "DUE", due: "2026-10-10" } },
    { case: "a dose recorded for a later day", facts: baby("2026-10-10", [["nirsevimab", "2026-12-20"]]), on: "2026-12-07", expected: { status: "DUE", due: "2026-10-10" } },
  ])("$case: $expected.status", ({ facts, on, expected }) => {
    expect(summary(itemFor(facts, "RSV_INFANT", on))).toEqual({ due: undefined, next: undefined, dose: undefined, ...expected });
  });

  it("says why, names the child to the parent, and says that the mother's vaccination is not in the child's record", () => {
    const item = recommend(baby("2025-10-20"), FR_2025, "2025-12-10", { self: false, name: "Lina" }).find((i) => i.item === "RSV_INFANT")!;
    expect(item.label).toBe("Protection contre la bronchiolite (VRS)");
    expect(item.reason).toContain("Lina a 1 mois : c'est la première saison de circulation du VRS (le principal virus de la bronchiolite) pour Lina et aucune dose d'anticorps (nirsévimab) n'est enregistrée.");
    expect(item.reason).toContain("pendant la campagne contre le VRS 2025-2026 (du 1er septembre 2025 au 20 février 2026)");
    expect(item.reason).toContain("Sauf si la mère a été vaccinée contre le VRS pendant la grossesse (Abrysvo, au moins 14 jours avant la naissance) : cette vaccination est dans le dossier de la mère, pas dans celui-ci.");
    expect(item.reason).toContain("Haute Autorité de santé");
    expect(item.records).toEqual({ vaccine: "nirsevimab" });
  });

  it("says when the campaign's dates are only foreseen, and a newborn's age in plain words", () => {
    const reason = itemFor(baby("2026-11-25"), "RSV_INFANT", "2026-12-07").reason;
    expect(reason).toContain("Vous avez moins d'un mois");
    expect(reason).toContain("(du 1er septembre 2026 au 28 février 2027, dates prévisionnelles à confirmer)");
    expect(itemFor(baby("2025-06-01"), "RSV_INFANT", "2026-12-07").reason).toContain("Pour une deuxième saison, elle ne concerne que certains enfants fragiles");
  });

  it("reads nirsevimab from the record by its ATC code (J06BD08) and its CVX codes (306, 307), never as an RSV vaccine", () => {
    const shot = (system: string, code: string, date: string) => ({ resourceType: "Immunization" as const, status: "completed" as const, occurrenceDateTime: date, patient: { reference: "Patient/x" }, vaccineCode: { coding: [{ system, code }] } });
    const facts = extractFacts({ resourceType: "Patient", birthDate: "2025-10-20", gender: "female" }, [
      shot("http://www.whocc.no/atc", "J06BD08", "2025-10-22"),
      shot("http://hl7.org/fhir/sid/cvx", "306", "2025-10-23"),
      shot("http://hl7.org/fhir/sid/cvx", "307", "2025-10-24"),
    ]);
    expect(facts.immunizations.map((i) => i.kind)).toEqual(["nirsevimab", "nirsevimab", "nirsevimab"]);
    expect(itemFor(facts, "RSV_INFANT", "2025-12-10").status).toBe("COMPLETE");
  });
});
