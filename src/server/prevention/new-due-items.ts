import type { PreventionItem, Theme } from "./types";

/**
 * The seam between the daily prevention job and notifications (the notifications module,
 * branch h/notify, writes the outbox): which items of a person's evaluation should become a
 * notification today. Once per item and cycle: a cycle is the item with its due day (a new
 * flu campaign, the next dTP fixed age, the next screening round are new cycles), and the keys
 * already notified are the notifications module's to keep. Never for someone who opted out,
 * globally or for the item's theme. Pure, so the job and its tests share it.
 */
export type Silenced = { all: boolean; themes: ReadonlySet<Theme> };

export function cycleKey(item: PreventionItem): string {
  return `${item.item}:${item.due ?? ""}`;
}

export function newDueItems(items: readonly PreventionItem[], alreadyNotified: ReadonlySet<string>, silenced: Silenced): PreventionItem[] {
  if (silenced.all) return [];
  return items.filter(
    (item) => (item.status === "DUE" || item.status === "OVERDUE") && !silenced.themes.has(item.theme) && !alreadyNotified.has(cycleKey(item)),
  );
}
