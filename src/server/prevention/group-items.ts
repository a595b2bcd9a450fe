import { addMonths, addYears } from "./days";
import type { PreventionItem } from "./types";

/**
 * How far ahead the rest of the calendar lists what has not begun: five years. Why: a parent
 * opening her 3-month-old's calendar read that breast screening « commencera … en 2076 », and
 * shingles and RSV for the elderly; a 20-year-old read of colorectal screening at 50. Five years
 * still shows a child the next step of the childhood calendar (from 6 years, the booster and HPV
 * at 11), and an adult of 45 her screenings at 50; anything further is another stage of life, which
 * the calendar (a new edition every year) may well have changed by then. An item appears on the
 * day it comes within five years. This is only what the page lists: the engine still evaluates
 * every rule, and the daily notices (new-due-items.ts) are about due and overdue items, which are
 * never hidden, nor are items up to date.
 */
export const LISTED_AHEAD_YEARS = 5;

/**
 * Now (due, overdue first), soon (within a year), up to date, and the rest of the calendar: what
 * begins within LISTED_AHEAD_YEARS (`later`; an item with no day yet, a campaign not announced,
 * stays listed) and what does not apply (but a catch-up applying beyond that horizon). `beyond`: how many items begin later than that, left out.
 */
export function groupItems(items: readonly PreventionItem[], today: string) {
  const horizon = addMonths(today, 12);
  const listedUntil = addYears(today, LISTED_AHEAD_YEARS);
  const now = items.filter((i) => i.status === "OVERDUE" || i.status === "DUE").sort((a, b) => (a.status === b.status ? 0 : a.status === "OVERDUE" ? -1 : 1));
  const soon = items.filter((i) => i.status === "NOT_DUE" && i.due !== undefined && i.due <= horizon);
  const upToDate = items.filter((i) => i.status === "COMPLETE");
  const notYet = items.filter((i) => i.status === "NOT_DUE" && !soon.includes(i));
  const later = notYet.filter((i) => i.due === undefined || i.due <= listedUntil);
  // A catch-up she is too young for is left out as well while it begins beyond the five years: a
  // 3-month-old's page read of the MenACWY catch-up « entre 15 et 24 ans » and the adult MMR one
  // « à partir de 18 ans » just above « Ce qui commence dans plus de cinq ans n'est pas listé ici ».
  const inapplicable = items.filter((i) => i.status === "NOT_APPLICABLE");
  const notApplicable = inapplicable.filter((i) => i.appliesFrom === undefined || i.appliesFrom <= listedUntil);
  return { now, soon, upToDate, later, notApplicable, beyond: notYet.length - later.length + inapplicable.length - notApplicable.length };
}
