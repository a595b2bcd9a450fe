import { describe, expect, it } from "vitest";
import { FR_2025 } from "@/server/prevention/calendars/fr-2025";
import { SELF } from "@/server/prevention/evaluators/voice";
import { extractFacts } from "@/server/prevention/extract-facts";
import { recommend } from "@/server/prevention/recommend";
import type { VaccineKind } from "@/server/prevention/types";
import { itemFor, person, summary } from "./person";

/**
 * Rotavirus for every infant (calendrier des vaccinations 2025, after the HAS recommendation of
 * June 2022): two doses at 2 and 3 months with the monovalent vaccine (Rotarix), three at 2, 3
 * and 4 months with the pentavalent one (RotaTeq); the first dose up to 4 months, the last before
 * 6 months (Rotarix) or 8 months (RotaTeq). Overdue one
 * month after each target age (issue 14's convention for infant series).
 */
const BORN = "2025-03-15";

describe("rotavirus — Calendrier des vaccinations 2025", () => {
  it.each([
    { on: "2025-05-14", shots: [], expected: { status: "NOT_DUE", due: "2025-05-15", dose: 1 } },
    { on: "2025-05-15", shots: [], expected: { status: "DUE", due: "2025-05-15", dose: 1 } },
    { on: "2025-06-14", shots: [], expected: { status: "DUE", due: "2025-05-15", dose: 1 } },
    // The first dose may be given up to 4 months (Santé publique France): still to do, not late,
    // until the day she is 4 months old; after it, the series is not started.
    { on: "2025-06-15", shots: [], expected: { status: "DUE", due: "2025-05-15", dose: 1 } },
    { on: "2025-07-15", shots: [], expected: { status: "DUE", due: "2025-05-15", dose: 1 } },
    { on: "2025-07-16", shots: [], expected: { status: "NOT_APPLICABLE" } },
    { on: "2025-09-14", shots: [], expected: { status: "NOT_APPLICABLE" } },
    // Six months: no longer started.
    { on: "2025-09-15", shots: [], expected: { status: "NOT_APPLICABLE" } },
    // Monovalent: two doses.
    { on: "2025-06-15", shots: [["rota1", "2025-05-20"]], expected: { status: "DUE", due: "2025-06-15", dose: 2 } },
    { on: "2025-07-15", shots: [["rota1", "2025-05-20"]], expected: { status: "OVERDUE", due: "2025-06-15", dose: 2 } },
    { on: "2025-06-25", shots: [["rota1", "2025-05-20"], ["rota1", "2025-06-20"]], expected: { status: "COMPLETE" } },
    { on: "2026-03-15", shots: [["rota1", "2025-05-20"], ["rota1", "2025-06-20"]], expected: { status: "COMPLETE" } },
    // Pentavalent: a third dose at 4 months.
    { on: "2025-06-25", shots: [["rota5", "2025-05-20"], ["rota5", "2025-06-20"]], expected: { status: "NOT_DUE", due: "2025-07-15", dose: 3 } },
    { on: "2025-07-15", shots: [["rota5", "2025-05-20"], ["rota5", "2025-06-20"]], expected: { status: "DUE", due: "2025-07-15", dose: 3 } },
    { on: "2025-08-15", shots: [["rota5", "2025-05-20"], ["rota5", "2025-06-20"]], expected: { status: "OVERDUE", due: "2025-07-15", dose: 3 } },
    { on: "2025-07-25", shots: [["rota5", "2025-05-20"], ["rota5", "2025-06-20"], ["rota5", "2025-07-20"]], expected: { status: "COMPLETE" } },
    // Its last dose before 8 months (Santé publique France), the monovalent's before 6: a
    // RotaTeq series left at two doses is still to finish at 7 months, not « ne se rattrape pas ».
    { on: "2025-10-15", shots: [["rota5", "2025-05-20"], ["rota5", "2025-06-20"]], expected: { status: "OVERDUE", due: "2025-07-15", dose: 3 } },
    { on: "2025-11-14", shots: [["rota5", "2025-05-20"], ["rota5", "2025-06-20"]], expected: { status: "OVERDUE", due: "2025-07-15", dose: 3 } },
    { on: "2025-11-15", shots: [["rota5", "2025-05-20"], ["rota5", "2025-06-20"]], expected: { status: "NOT_APPLICABLE" } },
    { on: "2025-10-20", shots: [["rota5", "2025-05-20"], ["rota5", "2025-06-20"], ["rota5", "2025-10-15"]], expected: { status: "COMPLETE" } },
    { on: "2025-10-15", shots: [["rota1", "2025-05-20"]], expected: { status: "NOT_APPLICABLE" } },
    // One pentavalent dose among them: three doses.
    { on: "2025-07-15", shots: [["rota1", "2025-05-20"], ["rota5", "2025-06-20"]], expected: { status: "DUE", due: "2025-07-15", dose: 3 } },
  ] as { on: string; shots: [VaccineKind, string][]; expected: object }[])("on $on with $shots.length dose(s): $expected.status", ({ on, shots, expected }) => {
    expect(summary(itemFor(person({ born: BORN, shots }), "ROTAVIRUS", on))).toEqual({ due: undefined, next: undefined, dose: undefined, ...expected });
  });

  it("says why a third dose is asked, and that it is not mandatory", () => {
    const item = itemFor(person({ born: BORN, shots: [["rota5", "2025-05-20"], ["rota5", "2025-06-20"]] }), "ROTAVIRUS", "2025-07-15");
    expect(item.reason).toContain("La dose 3 sur 3 est prévue à 4 mois (2 doses sur 3 enregistrées).");
    expect(item.reason).toContain("Avec le vaccin pentavalent (RotaTeq), la vaccination compte 3 doses.");
    expect(item.mandatory).toBeUndefined();
    expect(itemFor(person({ born: BORN }), "ROTAVIRUS", "2025-05-15").reason).not.toContain("pentavalent");
  });

  it.each([
    { reader: SELF, doctor: "à voir rapidement avec votre médecin" },
    { reader: { self: false, name: "Inès" } as const, doctor: "à voir rapidement avec son médecin" },
  ])("from 3 months to 4 without a first dose, says it is still to do soon, not late ($doctor)", ({ reader, doctor }) => {
    const item = recommend(person({ born: BORN }), FR_2025, "2025-06-20", reader).find((i) => i.item === "ROTAVIRUS")!;
    expect(item.status).toBe("DUE");
    expect(item.reason).toContain(`Elle peut encore être faite jusqu'à 4 mois (le 15 juillet 2025) : à faire sans tarder, ${doctor}.`);
    expect(item.reason).not.toContain("en retard");
  });

  it("past 4 months without a first dose, says the series is not started any more; a series begun goes on", () => {
    const none = itemFor(person({ born: BORN }), "ROTAVIRUS", "2025-07-16");
    expect(none.reason).toContain("aucune dose n'est enregistrée, et la première se donne au plus tard à 4 mois : cette vaccination ne se commence plus à cet âge.");
    expect(summary(itemFor(person({ born: BORN, shots: [["rota1", "2025-06-20"]] }), "ROTAVIRUS", "2025-07-16"))).toEqual({ status: "OVERDUE", due: "2025-06-15", dose: 2, next: undefined });
    // Other infant series keep their convention: overdue one month after the target age.
    expect(itemFor(person({ born: BORN }), "HEXA", "2025-07-16").status).toBe("OVERDUE");
  });

  it("past 6 months, says it is not caught up, rather than leaving a catch-up to the doctor as other infant series do", () => {
    const reason = itemFor(person({ born: BORN }), "ROTAVIRUS", "2025-09-15").reason;
    expect(reason).toContain("Elle ne se rattrape pas après 6 mois.");
    expect(reason).not.toContain("rattrapage");
    expect(itemFor(person({ born: BORN }), "MENB_INFANT", "2027-03-15").reason).toContain("Un éventuel rattrapage se décide avec");
  });

  it.each([
    ["http://www.whocc.no/atc", "J07BH01", 2],
    ["http://www.whocc.no/atc", "J07BH02", 3],
    ["http://hl7.org/fhir/sid/cvx", "119", 2],
    ["http://hl7.org/fhir/sid/cvx", "116", 3],
    ["http://hl7.org/fhir/sid/cvx", "122", 2],
  ])("reads a dose coded %s %s (a series of %i doses)", (system, code, total) => {
    const facts = extractFacts({ resourceType: "Patient", birthDate: BORN }, [
      { resourceType: "Immunization", status: "completed", occurrenceDateTime: "2025-05-20", patient: { reference: "Patient/x" }, vaccineCode: { coding: [{ system, code }] } },
    ]);
    expect(itemFor(facts, "ROTAVIRUS", "2025-06-15").reason).toContain(`(1 dose sur ${total} enregistrée)`);
  });
});
