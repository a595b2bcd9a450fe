import { describe, expect, it } from "vitest";
import { FR_2025 } from "@/server/prevention/calendars/fr-2025";
import { extractFacts } from "@/server/prevention/extract-facts";
import { recommend } from "@/server/prevention/recommend";
import type { VaccineKind } from "@/server/prevention/types";
import { itemFor, person, summary } from "./person";

/**
 * Pertussis vaccination in each pregnancy (HAS, 7 April 2022: from the second trimester,
 * preferably between 20 and 36 weeks of amenorrhoea). The pregnancy's onset is the first day of
 * the last period (evaluators/pregnancy.ts): begun on 5 January 2026, 20 weeks on 25 May, the
 * 37th week from 21 September, over after 42 weeks (26 October).
 */
const START = "2026-01-05";
const pregnant = (shots: [VaccineKind, string][] = [], start: string | null = START) =>
  person({ born: "1995-05-10", sex: "female", conditions: ["pregnancy"], pregnancyStart: start ?? undefined, shots });

describe("pertussis in pregnancy — HAS recommendation of April 2022", () => {
  it.each([
    { case: "not pregnant", facts: person({ born: "1995-05-10", sex: "female" }), on: "2026-06-15", expected: { status: "NOT_APPLICABLE" } },
    { case: "a man", facts: person({ born: "1995-05-10", sex: "male" }), on: "2026-06-15", expected: { status: "NOT_APPLICABLE" } },
    { case: "8 weeks", facts: pregnant(), on: "2026-03-02", expected: { status: "NOT_DUE", due: "2026-05-25" } },
    { case: "the day before 20 weeks", facts: pregnant(), on: "2026-05-24", expected: { status: "NOT_DUE", due: "2026-05-25" } },
    { case: "20 weeks", facts: pregnant(), on: "2026-05-25", expected: { status: "DUE", due: "2026-05-25" } },
    { case: "36 weeks and 6 days", facts: pregnant(), on: "2026-09-20", expected: { status: "DUE", due: "2026-05-25" } },
    { case: "37 weeks: still due, never late", facts: pregnant(), on: "2026-09-21", expected: { status: "DUE", due: "2026-05-25" } },
    { case: "42 weeks on: the pregnancy is over", facts: pregnant(), on: "2026-10-26", expected: { status: "NOT_APPLICABLE" } },
    { case: "dTcaP at 22 weeks", facts: pregnant([["dtcap", "2026-06-10"]]), on: "2026-06-15", expected: { status: "COMPLETE" } },
    { case: "dTcaP at 16 weeks (second trimester)", facts: pregnant([["dtcap", "2026-04-27"]]), on: "2026-06-15", expected: { status: "COMPLETE" } },
    { case: "dTcaP before this pregnancy", facts: pregnant([["dtcap", "2025-12-01"]]), on: "2026-06-15", expected: { status: "DUE", due: "2026-05-25" } },
    { case: "dTP without pertussis", facts: pregnant([["dtp", "2026-06-10"]]), on: "2026-06-15", expected: { status: "DUE", due: "2026-05-25" } },
    { case: "a dose recorded for a later day", facts: pregnant([["dtcap", "2026-07-01"]]), on: "2026-06-15", expected: { status: "DUE", due: "2026-05-25" } },
    { case: "a pregnancy without its first day", facts: pregnant([], null), on: "2026-06-15", expected: { status: "NOT_DUE" } },
  ])("$case: $expected.status", ({ facts, on, expected }) => {
    expect(summary(itemFor(facts, "PERTUSSIS_PREGNANCY", on))).toEqual({ due: undefined, next: undefined, dose: undefined, ...expected });
  });

  it.each([
    { on: "2026-03-02", says: "grossesse en cours depuis le 5 janvier 2026 (8 semaines d'aménorrhée) : la vaccination contre la coqueluche sera recommandée à partir de 20 semaines d'aménorrhée, le 25 mai 2026" },
    { on: "2026-06-15", says: "(23 semaines d'aménorrhée) et aucune vaccination contre la coqueluche n'est enregistrée pendant cette grossesse : elle est recommandée maintenant, de préférence avant la fin de la 36e semaine ; elle protège le nouveau-né dès sa naissance." },
    { on: "2026-09-21", says: "la période conseillée (de 20 à 36 semaines) est passée, à voir sans tarder avec la sage-femme ou le médecin qui suit la grossesse." },
  ])("says why in plain French on $on", ({ on, says }) => {
    expect(itemFor(pregnant(), "PERTUSSIS_PREGNANCY", on).reason).toContain(says);
  });

  it("says the same to every woman who is not pregnant, whatever her record, and asks again at each pregnancy", () => {
    const none = itemFor(person({ born: "1995-05-10", sex: "female" }), "PERTUSSIS_PREGNANCY", "2026-06-15").reason;
    const over = itemFor(pregnant([["dtcap", "2026-06-10"]]), "PERTUSSIS_PREGNANCY", "2027-01-15").reason;
    expect(over).toBe(none);
    expect(none).not.toMatch(/dossier|grossesse en cours/);
    expect(itemFor(pregnant([["dtcap", "2026-06-10"]]), "PERTUSSIS_PREGNANCY", "2026-06-15").reason).toContain("Elle est à refaire à chaque grossesse.");
  });

  it("reads the pregnancy's onset and a dTca dose coded ATC J07AJ52 from the record; a guardian's words name the person", () => {
    const facts = extractFacts({ resourceType: "Patient", birthDate: "1995-05-10", gender: "female" }, [
      { resourceType: "Condition", subject: { reference: "Patient/x" }, code: { coding: [{ system: "http://snomed.info/sct", code: "77386006" }] }, onsetDateTime: START },
      { resourceType: "Immunization", status: "completed", occurrenceDateTime: "2026-06-10", patient: { reference: "Patient/x" }, vaccineCode: { coding: [{ system: "http://www.whocc.no/atc", code: "J07AJ52" }] } },
    ]);
    expect(itemFor(facts, "PERTUSSIS_PREGNANCY", "2026-06-15").status).toBe("COMPLETE");
    const item = recommend(pregnant(), FR_2025, "2026-06-15", { self: false, name: "Sarah" }).find((i) => i.item === "PERTUSSIS_PREGNANCY")!;
    expect(item.reason).toMatch(/^Sarah a 31 ans et son dossier mentionne une grossesse en cours/);
    expect(item.records).toEqual({ vaccine: "dtcap" });
  });
});
