import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { GrowthChart } from "@/components/children/growth-chart";
import { GrowthTable } from "@/components/children/growth-table";
import { aPatient } from "@/lib/fhir/builders/people";
import { growthObservation } from "@/server/children/growth-observation";
import { growthSeries } from "@/server/children/growth-points";

/**
 * The chart as the server draws it: an image named by its title and described (reference,
 * centiles, last measure), seven centile curves, one dot per measure, nothing for the browser to
 * run; the table carries the same values.
 */
const leo = { ...aPatient({ birthDate: "2016-09-10", gender: "male" }), id: "leo" };
const measures = [
  ["2024-09-10", 26],
  ["2025-09-10", 29.5],
  ["2026-11-10", 32.4],
] as const;
const series = growthSeries(leo, measures.map(([day, value], i) => ({ ...growthObservation("leo", "weight", value, day, "Patient/camille"), id: `o${i}` })));

describe("GrowthChart", () => {
  const svg = renderToStaticMarkup(<GrowthChart id="w" measure="weight" sex="male" points={series.weight} currentAge={10.2} />);

  it("is an image with a title and a description naming the reference, the centiles and the last measure", () => {
    expect(svg).toMatch(/^<svg[^>]*role="img"[^>]*aria-labelledby="w-title w-desc"/);
    expect(svg).toContain('<title id="w-title">Poids selon l&#x27;âge</title>');
    expect(svg).toMatch(/<desc id="w-desc">Courbes de référence \(courbes OMS 2006.*UK90.*\), garçons, centiles 3, 10, 25, 50, 75, 90 et 97, de 6 ans à 13 ans\. 3 mesures ; la dernière : 32,4 kg à 10 ans 2 mois \(\d+e centile\)/);
  });

  it("draws seven centile curves labelled P3 to P97, one dot per measure and the child's line, and no script", () => {
    expect(svg.match(/<polyline/g)).toHaveLength(8);
    expect(svg.match(/<circle/g)).toHaveLength(3);
    for (const centile of [3, 10, 25, 50, 75, 90, 97]) expect(svg).toContain(`>P${centile}<`);
    expect(svg).not.toMatch(/<script|on[a-z]+=/i);
  });

  it("the table says the same: date, age, value, centile, who measured", () => {
    const table = renderToStaticMarkup(<GrowthTable measure="weight" points={series.weight} />);
    expect(table).toContain("<caption");
    expect(table).toContain("10/11/2026");
    expect(table).toContain("10 ans 2 mois");
    expect(table).toContain("32,4");
    expect(table).toMatch(/\d+e centile/);
    expect(table).toContain("la famille");
  });
});
