import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ItemCard } from "@/components/prevention/item-card";
import { PATIENT_READER } from "@/lib/i18n/voice";
import { itemFor, person } from "./person";

/**
 * What a card says of when to be vaccinated: « (dose N) » for a series only. Jean, 76, read
 * « À faire maintenant (dose 1) » on the RSV vaccine of older adults, given once, as if a second
 * dose were to follow (found by the walk of the prevention page); shingles, two doses, keeps it.
 */
const cardText = (item: string, born: string, on: string, shots: Parameters<typeof person>[0]["shots"] = []) => {
  const html = renderToStaticMarkup(<ItemCard item={itemFor(person({ born, shots }), item, on)} today={on} silenced={false} canWrite reader={PATIENT_READER} />);
  return html.replace(/<[^>]+>/g, " ").replaceAll("&#x27;", "'").replace(/\s+/g, " ");
};

describe("the dose on a prevention card", () => {
  it.each([
    ["RSV_OLDER", "1950-06-02", "2026-12-07", "À faire maintenant, recommandé depuis le 2 juin 2025."],
    ["PCV20", "1960-04-01", "2025-03-31", "À partir du 1er avril 2025."],
    ["MENACWY_ADO", "2016-09-10", "2026-12-07", "À partir du 10 septembre 2027."],
  ])("%s, given once, names no dose", (item, born, on, when) => {
    const text = cardText(item, born, on);
    expect(text).toContain(when);
    expect(text).not.toContain("(dose");
  });

  it("a series names the dose to give", () => {
    expect(cardText("ZOSTER", "1950-06-02", "2026-12-07")).toContain("À faire maintenant (dose 1), recommandé depuis le 2 juin 2015.");
    expect(cardText("ZOSTER", "1950-06-02", "2026-12-07", [["zoster", "2026-12-01"]])).toContain("À partir du 1er février 2027 (dose 2).");
  });
});
