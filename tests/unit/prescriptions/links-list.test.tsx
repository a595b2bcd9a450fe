import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LinksList } from "@/components/prescriptions/links-list";
import type { Json } from "@/server/pages/json-props";
import type { MyLink } from "@/server/sharing/list-my-links";

/** A link's older events: counted exactly up to a bound (share-link-events.ts), then « more than ». */
describe("the older events of a prescription's link", () => {
  const link = (eventsNotShown: number, moreEventsNotShown: boolean): Json<MyLink> => ({
    id: "5f0c1e64-3f52-4f0e-9c3a-2f1f4a1b2c3d",
    prescriptionId: "ord-1",
    createdAt: "2026-11-30T09:00:00.000Z",
    expiresAt: "2026-12-30T09:00:00.000Z",
    state: "active",
    passcode: false,
    attemptsLeft: 10,
    wrongPasscodes: 0,
    events: [],
    eventsNotShown,
    moreEventsNotShown,
  });
  const text = (l: Json<MyLink>) => renderToStaticMarkup(<LinksList prescriptionId="ord-1" links={[l]} />);

  it.each([
    [0, false, null],
    [1, false, "Et 1 événement plus ancien, dans l'historique des accès."],
    [12, false, "Et 12 événements plus anciens, dans l'historique des accès."],
    [1500, false, "Et 1\u202f500 événements plus anciens, dans l'historique des accès."],
    [150, true, "Et plus de 150 événements plus anciens, dans l'historique des accès."],
  ])("%i not shown (more: %s)", (count, more, said) => {
    const html = text(link(count, more)).replaceAll("&#x27;", "'");
    if (said === null) expect(html).not.toContain("plus ancien");
    else expect(html).toContain(said);
  });
});
