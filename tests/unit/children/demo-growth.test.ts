import { describe, expect, it } from "vitest";
import { PATIENT_IDS } from "@/lib/demo/personas";
import { aPatient } from "@/lib/fhir/builders/people";
import { growthSeries } from "@/server/children/growth-points";
import { observations } from "@/server/seed/catalogue/record-plans";

/**
 * Léo's demo growth read through the same code as the page: every measure lands on the curves
 * between the 3rd and the 97th centile (a typo in the demo, or curves read for the wrong sex or
 * age, would put a point far outside), and BMI comes with each weight and height.
 */
describe("Léo's demo growth on the reference curves", () => {
  const leo = { ...aPatient({ birthDate: "2016-09-10", gender: "male" }), id: PATIENT_IDS.leo };
  const clock = { now: new Date("2026-12-01T10:00:00Z") };
  const series = growthSeries(leo, observations(clock).filter((o) => o.subject?.reference === `Patient/${PATIENT_IDS.leo}`));

  it.each(["weight", "height", "bmi", "ofc"] as const)("%s: every point between the 3rd and the 97th centile", (measure) => {
    expect(series[measure].length).toBeGreaterThan(5);
    for (const point of series[measure]) {
      expect(point.centile, `${measure} ${point.day} ${point.value}`).toBeGreaterThan(3);
      expect(point.centile, `${measure} ${point.day} ${point.value}`).toBeLessThan(97);
    }
  });

  it("has a BMI for each day with a weight and a height", () => {
    expect(series.bmi.map((p) => p.day)).toEqual(series.weight.map((p) => p.day));
  });
});
