import { addDaysToDay, addMonthsToDay, daysInMonth, digits, isDay, isLeapYear } from "@/lib/dates/paris-day";

/**
 * Calendar days as "YYYY-MM-DD" strings (a date without a time is a day in Europe/Paris), and
 * the arithmetic the calendar needs: ages in completed years and months, dates N months or
 * years later. Strings compare in date order, so no Date object is needed on the hot path of
 * the daily job.
 *
 * A date that does not exist in the target month (31 → 30 April, 29 February in a common year)
 * falls on the last day of that month. This follows the rule French law applies to periods
 * counted in months or years (Code de procédure civile, article 641, alinéa 2: « À défaut d'un
 * quantième identique, le délai expire le dernier jour du mois »). So a person born on
 * 29 February turns a year older on 28 February in common years, and a booster due "at 25" for
 * them is due from 28 February of that year.
 */
export type Day = string;

// One implementation of calendar arithmetic for the whole portal (src/lib/dates/paris-day.ts);
// this module adds what only the calendar needs (ages, parsing into numbers on the hot path).
export { daysInMonth, isDay, isLeapYear };
export const addMonths = addMonthsToDay;
export const addDays = addDaysToDay;
export const addYears = (day: Day, years: number): Day => addMonthsToDay(day, years * 12);

export function parseDay(day: Day): { y: number; m: number; d: number } {
  const y = digits(day, 0, 4);
  const m = digits(day, 5, 7);
  const d = digits(day, 8, 10);
  if (day.length !== 10 || day.charCodeAt(4) !== 45 || day.charCodeAt(7) !== 45 || Number.isNaN(y + m + d)) throw new Error(`not a day: ${day}`);
  return { y, m, d };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function formatDay(y: number, m: number, d: number): Day {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Completed months between `from` and `to` (0 when `to` is before `from`). */
export function completedMonths(from: Day, to: Day): number {
  if (to < from) return 0;
  const a = parseDay(from);
  const b = parseDay(to);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  // The monthly anniversary, clamped to the month's end, has not come yet this month.
  if (b.d < Math.min(a.d, daysInMonth(b.y, b.m))) months -= 1;
  return Math.max(0, months);
}

/** Age in completed years on `day` (the 29 February convention above applies). */
export function completedYears(birth: Day, day: Day): number {
  return Math.floor(completedMonths(birth, day) / 12);
}

/** Completed weeks from `from` to `to` (0 when `to` is before `from`): a pregnancy's weeks of amenorrhoea. */
export function completedWeeks(from: Day, to: Day): number {
  const a = parseDay(from);
  const b = parseDay(to);
  const days = Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
  return Math.max(0, Math.floor(days / 7));
}

export const laterOf = (a: Day, b: Day): Day => (a > b ? a : b);

const PARIS = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

/**
 * The calendar day in Paris of a FHIR date or dateTime. A date alone is already a day; a
 * dateTime is an instant, placed in Paris (10 p.m. UTC on 31 December is already 1 January
 * there). A partial date (year, or year-month) counts from its first day.
 */
export function parisDay(value: string | undefined): Day | undefined {
  if (!value) return undefined;
  if (/^\d{4}$/.test(value)) return `${value}-01-01`;
  if (/^\d{4}-\d{2}$/.test(value)) return `${value}-01`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return isDay(value) ? value : undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  return parisDayOfInstant(ms);
}

/** Last Sunday of a month at 01:00 UTC: when summer time starts (March) and ends (October) in the EU. */
function lastSundayAt1Utc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0, 1));
  return last.getTime() - last.getUTCDay() * 86_400_000;
}

/**
 * The Paris day of an instant. Since 1996 France follows the EU rule (summer time from the last
 * Sunday of March to the last Sunday of October, changing at 01:00 UTC), computed here because
 * Intl is slow on the daily job's millions of dates; earlier years ask Intl, which knows the
 * older rules.
 */
function parisDayOfInstant(ms: number): Day {
  const year = new Date(ms).getUTCFullYear();
  if (year < 1996) return PARIS.format(new Date(ms));
  const summer = ms >= lastSundayAt1Utc(year, 3) && ms < lastSundayAt1Utc(year, 10);
  const local = new Date(ms + (summer ? 2 : 1) * 3_600_000);
  return formatDay(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}

/** Today in Paris. As parisDayOfInstant: Intl's format was 0.4 % of a professional's view of a record (issue 16). */
export function todayInParis(now: Date = new Date()): Day {
  return parisDayOfInstant(now.getTime());
}

/**
 * A day after today in Paris: what nothing that already happened (a vaccination, a screening, a
 * measure, a document) may be dated. Today itself is not, whatever the hour.
 */
export function isAfterToday(day: Day, now: Date): boolean {
  return day > todayInParis(now);
}
