import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ItemCard } from "@/components/prevention/item-card";
import { PATIENT_READER } from "@/lib/i18n/voice";
import type { PreventionItem } from "@/server/prevention/types";

/**
 * A calendar item that does not apply, as the patient and as whoever reads another person's
 * calendar (a parent in her child's space, a caregiver, a professional) read it: the badge and
 * the date line speak of the person, not of « vous ».
 */
const item: PreventionItem = {
  item: "HPV",
  status: "NOT_APPLICABLE",
  reason: "9 ans : cette vaccination est recommandée à partir de 11 ans.",
  source: { document: "Calendrier des vaccinations", edition: "2026", url: "https://sante.gouv.fr/" },
  label: "Papillomavirus (HPV)",
  theme: "vaccination-enfant",
  records: { vaccine: "hpv" },
};
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replaceAll("&#x27;", "'").replace(/\s+/g, " ");
const card = (reader: Parameters<typeof ItemCard>[0]["reader"]) => text(renderToStaticMarkup(<ItemCard item={item} today="2026-12-06" silenced={false} canWrite={false} reader={reader} />));

describe("a prevention item that does not apply", () => {
  it("tells the patient it does not concern her, and another person's reader that it does not concern that person, by name", () => {
    const hers = card(PATIENT_READER);
    expect(hers).toContain("Ne vous concerne pas ");
    expect(hers).toContain("Ne vous concerne pas aujourd'hui.");
    const mothers = card({ voice: "theirs", person: "Léo Martin" });
    expect(mothers).toContain("Ne concerne pas Léo Martin ");
    expect(mothers).toContain("Ne concerne pas Léo Martin aujourd'hui.");
    expect(mothers).not.toMatch(/\bvous\b/);
  });
});
