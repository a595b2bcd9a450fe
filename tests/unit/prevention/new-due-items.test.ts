import { describe, expect, it } from "vitest";
import { cycleKey, newDueItems } from "@/server/prevention/new-due-items";
import { FR_2025 } from "@/server/prevention/calendars/fr-2025";
import { recommend } from "@/server/prevention/recommend";
import { person } from "./person";

/** Issue 14: new due items become notifications once per item and cycle, never for someone who opted out. */
const jean = person({ born: "1950-06-02", sex: "male", shots: [["dtp", "2015-06-15"], ["flu", "2024-10-20"]] });
const items = recommend(jean, FR_2025, "2025-11-30");
const none = { all: false, themes: new Set<never>() };

describe("newDueItems (the notifications seam)", () => {
  it("lists what is due or overdue and not notified yet in this cycle", () => {
    const first = newDueItems(items, new Set(), none).map((i) => i.item);
    expect(first).toEqual(expect.arrayContaining(["FLU", "ZOSTER", "RSV_OLDER", "PCV20"]));
    const notified = new Set(newDueItems(items, new Set(), none).map(cycleKey));
    expect(newDueItems(items, notified, none)).toEqual([]);
  });

  it("a new campaign is a new cycle", () => {
    const notified = new Set(newDueItems(items, new Set(), none).map(cycleKey));
    const nextYear = recommend(jean, FR_2025, "2026-11-30");
    expect(newDueItems(nextYear, notified, none).map((i) => i.item)).toContain("FLU");
  });

  it("never for someone who opted out, globally or for the theme", () => {
    expect(newDueItems(items, new Set(), { all: true, themes: new Set() })).toEqual([]);
    const names = newDueItems(items, new Set(), { all: false, themes: new Set(["vaccination-saisonniere"]) }).map((i) => i.item);
    expect(names).not.toContain("FLU");
    expect(names).toContain("ZOSTER");
  });
});
