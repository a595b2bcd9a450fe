import { describe, expect, it } from "vitest";
import { sayEachVisitOnce, VISIT_MS } from "@/server/sharing/link-visits";
import type { LinkEvent } from "@/server/sharing/list-my-links";

/** A visit: one pharmacy's views within a link session's length of the first (link-visits.ts). Events newest first. */
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 7, 9, 0) + minutes * 60_000);
const viewed = (minutes: number, pharmacy = "Pharmacie de la Gare"): LinkEvent => ({ when: at(minutes), kind: "viewed", pharmacy });

describe("a pharmacy's visit said once", () => {
  it("counts the views of one visit on its first, and leaves the other events in their place", () => {
    const events: LinkEvent[] = [viewed(6), { when: at(5), kind: "dispensed", pharmacy: "Pharmacie de la Gare", quantity: "1" }, viewed(2), viewed(1), { when: at(1), kind: "opened", pharmacy: "Pharmacie de la Gare" }];
    expect(sayEachVisitOnce(events).map((e) => [e.kind, e.views, e.when.toISOString()])).toEqual([
      ["dispensed", undefined, at(5).toISOString()],
      ["viewed", 3, at(1).toISOString()],
      ["opened", undefined, at(1).toISOString()],
    ]);
  });

  it("begins another visit past a session's length, and keeps each pharmacy's apart", () => {
    const later = VISIT_MS / 60_000 + 1;
    const events = [viewed(later + 1), viewed(later), viewed(2, "Pharmacie du Port"), viewed(1), viewed(0)];
    expect(sayEachVisitOnce(events).map((e) => [e.pharmacy, e.views])).toEqual([
      ["Pharmacie de la Gare", 2],
      ["Pharmacie du Port", 1],
      ["Pharmacie de la Gare", 2],
    ]);
  });

  it("leaves the events given as they were", () => {
    const events = [viewed(1), viewed(0)];
    sayEachVisitOnce(events);
    expect(events.map((e) => e.views)).toEqual([undefined, undefined]);
  });
});
