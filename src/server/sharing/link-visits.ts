import "@/server/server-only";
import { LINK_POLICY } from "./link-policy";
import type { LinkEvent } from "./list-my-links";

/**
 * A pharmacy's visit said once in the link's history on the prescription's page. Each time the
 * pharmacist's page is drawn it reads the patient (the « viewed » event, one audit row each, kept
 * as they are: the access history lists them all), and it is drawn again after every form she
 * sends: the right passcode, each dispensation, a refused quantity. The patient read « Ordonnance
 * consultée » three, five, ten times for one visit at the counter, between the dispensations,
 * and the repeated rows pushed the rest of the link's story down.
 *
 * A visit: the views of the link by the same pharmacy (the name she typed) within one session of
 * the link's (LINK_POLICY.sessionSeconds, after which the passcode is asked again) from the first
 * of them. It is said once, at that first view, with how many views it had; the other events
 * (openings, wrong passcodes, dispensations) stay as they are, in their place. `events` newest first,
 * as the page lists them; so is the answer.
 */
export const VISIT_MS = LINK_POLICY.sessionSeconds * 1000;

export function sayEachVisitOnce(events: readonly LinkEvent[]): LinkEvent[] {
  const visits = new Map<string, LinkEvent>();
  const kept: LinkEvent[] = [];
  for (const event of [...events].reverse()) {
    if (event.kind !== "viewed") {
      kept.push(event);
      continue;
    }
    const pharmacy = event.pharmacy ?? "";
    const visit = visits.get(pharmacy);
    if (visit && event.when.getTime() - visit.when.getTime() <= VISIT_MS) {
      visit.views = (visit.views ?? 1) + 1;
      continue;
    }
    const first = { ...event, views: 1 };
    visits.set(pharmacy, first);
    kept.push(first);
  }
  return kept.reverse();
}
