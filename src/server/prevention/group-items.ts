import { addMonths } from "./days";
import type { PreventionItem } from "./types";

/** Now (due, overdue first), soon (within a year), up to date, and the rest of the calendar. */
export function groupItems(items: readonly PreventionItem[], today: string) {
  const horizon = addMonths(today, 12);
  const now = items.filter((i) => i.status === "OVERDUE" || i.status === "DUE").sort((a, b) => (a.status === b.status ? 0 : a.status === "OVERDUE" ? -1 : 1));
  const soon = items.filter((i) => i.status === "NOT_DUE" && i.due !== undefined && i.due <= horizon);
  const upToDate = items.filter((i) => i.status === "COMPLETE");
  const later = items.filter((i) => i.status === "NOT_DUE" && !soon.includes(i));
  const notApplicable = items.filter((i) => i.status === "NOT_APPLICABLE");
  return { now, soon, upToDate, later, notApplicable };
}
