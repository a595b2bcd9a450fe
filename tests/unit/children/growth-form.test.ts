import { describe, expect, it } from "vitest";
import { growthForm, noticeOfIssues } from "@/app/(patient)/espace/carnet-enfant/mesure/schema";
import { bodyMassIndex, MEASURES } from "@/server/children/growth-measures";
import { formatAgeOn, formatCentile, formatValue } from "@/server/children/growth-format";
import { GROWTH_NOTICES } from "@/server/children/growth-notices";

/** The growth form's bounds and messages: each refusal names its field in French. */
const parse = (fields: Record<string, string | undefined>) => {
  const result = growthForm.safeParse(fields);
  return result.success ? { ok: result.data } : { notice: noticeOfIssues(result.error) };
};

describe("growth form bounds", () => {
  it.each([
    [{ date: "2026-11-30", poids: "32,5" }, { ok: { date: "2026-11-30", poids: 32.5 } }],
    [{ date: "2026-11-30", taille: "138.4", perimetre: "53" }, { ok: { date: "2026-11-30", taille: 138.4, perimetre: 53 } }],
    [{ date: "2026-11-30", poids: " 0,3 " }, { ok: { date: "2026-11-30", poids: 0.3 } }],
    [{ date: "2026-11-30", poids: "0,29" }, { notice: "poids" }],
    [{ date: "2026-11-30", poids: "251" }, { notice: "poids" }],
    [{ date: "2026-11-30", poids: "-3" }, { notice: "poids-nombre" }],
    [{ date: "2026-11-30", poids: "3e1" }, { notice: "poids-nombre" }],
    [{ date: "2026-11-30", poids: "trente" }, { notice: "poids-nombre" }],
    [{ date: "2026-11-30", poids: "18 kg" }, { notice: "poids-nombre" }],
    [{ date: "2026-11-30", taille: "19,9" }, { notice: "taille" }],
    [{ date: "2026-11-30", taille: "1,40" }, { notice: "taille" }], // metres typed instead of centimetres
    [{ date: "2026-11-30", perimetre: "90" }, { notice: "perimetre" }],
    [{ date: "2026-11-30" }, { notice: "vide" }],
    [{ date: "2026-02-30", poids: "30" }, { notice: "date" }],
    [{ date: "30/11/2026", poids: "30" }, { notice: "date" }],
    [{ poids: "30" }, { notice: "date" }],
  ])("%j → %j", (fields, expected) => {
    expect(parse(fields)).toEqual(expected);
  });

  it("a value refused says the bounds it must be within, with its unit, as growth-measures.ts has them", () => {
    for (const [field, measure] of [["poids", "weight"], ["taille", "height"], ["perimetre", "ofc"]] as const) {
      const { min, max, unit } = MEASURES[measure];
      const bounds = `entre ${formatValue(min, 1)} et ${formatValue(max, 1)}`;
      expect(GROWTH_NOTICES[field].text).toContain(`${bounds} ${unit.display}`);
      expect(GROWTH_NOTICES[`${field}-nombre`].text).toContain(bounds);
    }
  });

  it("every notice has a French text", () => {
    for (const notice of Object.values(GROWTH_NOTICES)) expect(notice.text).toMatch(/[a-zé]/);
  });
});

describe("computed values", () => {
  it.each([
    [32, 138, 16.8],
    [9.6, 75.7, 16.8],
    [70, 175, 22.9],
  ])("BMI of %s kg and %s cm is %s", (kg, cm, bmi) => {
    expect(bodyMassIndex(kg, cm)).toBe(bmi);
  });

  it.each([
    ["2016-09-10", "2026-11-10", "10 ans 2 mois"],
    ["2016-09-10", "2017-09-10", "1 an"],
    ["2026-10-01", "2026-11-15", "1 mois"],
    ["2026-11-01", "2026-11-15", "14 j"],
    ["2016-01-31", "2016-02-29", "1 mois"], // a month is completed on the last day of a shorter month
    ["2016-09-10", "2016-09-09", "avant la naissance"],
  ])("age from %s to %s reads %s", (birth, day, text) => {
    expect(formatAgeOn(birth, day)).toBe(text);
  });

  it.each([
    [0.4, "sous le 1er centile"],
    [1.2, "1er centile"],
    [49.6, "50e centile"],
    [99.5, "au-dessus du 99e centile"],
    [undefined, "—"],
  ])("centile %s reads %s", (centile, text) => {
    expect(formatCentile(centile)).toBe(text);
  });
});
