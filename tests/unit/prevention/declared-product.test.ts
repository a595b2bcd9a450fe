import { describe, expect, it } from "vitest";
import { declaredProductOfKind, VACCINE_PRODUCTS } from "@/server/prevention/vaccine-products";

/**
 * « C'est fait » records the kind of vaccine the item asks for, never a brand the person did not
 * name: a pregnant woman's pertussis dose read « Tetravac-acellulaire », a 6-year-old's vaccine.
 */
const kinds = [...new Set(VACCINE_PRODUCTS.map((p) => p.kind))];

describe("the vaccine « C'est fait » records", () => {
  it.each(kinds)("%s: the kind's ATC code, no brand", (kind) => {
    const declared = declaredProductOfKind(kind)!;
    expect(declared.name).toBe("");
    expect(declared.atc).toBe(VACCINE_PRODUCTS.find((p) => p.kind === kind)!.atc);
    for (const product of VACCINE_PRODUCTS) expect(declared.disease).not.toContain(product.name);
  });

  it.each([
    { kind: "dtcap", disease: "Diphtérie, tétanos, coqueluche, polio" },
    { kind: "dtp", disease: "Diphtérie, tétanos, polio (dTP)" },
    { kind: "flu", disease: "Grippe saisonnière" },
  ] as const)("$kind reads « $disease »", ({ kind, disease }) => {
    expect(declaredProductOfKind(kind)?.disease).toBe(disease);
  });
});
