/**
 * A date without a time (a prescription's validity, a grant's or a delegation's last day, a
 * link's last day, a search bound) is a calendar day in Europe/Paris, whatever the server's or
 * the browser's zone: it starts at 00:00 Paris time and its last day is included to
 * 23:59:59.999 Paris time. Every conversion between such a day ("AAAA-MM-JJ") and an instant
 * goes through this module.
 *
 * Built on Intl (the platform's time zone database, kept current by Node and the browsers):
 * no dependency, and the same code runs on the server and in client components. Today's clock
 * changes happen at 02:00 and 03:00, but older ones crossed midnight (startOfParisDay).
 */
export const PARIS = "Europe/Paris";

/** "AAAA-MM-JJ", as a date field sends it and FHIR writes a date. */
export type Day = string;

/** Four digits in what people type; up to six inside, so the day after 9999-12-31 still computes. */
const DAY = /^(\d{4,6})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const parisParts = new Intl.DateTimeFormat("en-US", {
  timeZone: PARIS,
  hourCycle: "h23",
  era: "short",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

type Civil = { year: number; month: number; day: number };

/** Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear does not. */
function utcMs(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/**
 * Paris's offset for each UTC day it has been read for. Why: Intl's formatToParts is the costliest
 * step of a date shown or compared (1.3 % of the documents page's CPU in issue 16's profiles,
 * every document's date read through it on every view), while the offset changes only a few
 * times a year. A day whose two ends agree has that offset throughout: nowhere has the offset
 * changed and come back within one day. A day whose ends differ (the nights the clocks change,
 * or older changes of Paris's time) changed once, at an instant found once by bisection and kept
 * with the offsets on either side: such days were read through Intl at each instant, three calls
 * on every view of a prescriptions page whose validities crossed 26 October 2025 (issue 16).
 */
type DayOffset = number | { switchAt: number; before: number; after: number };
const offsetByUtcDay = new Map<number, DayOffset>();
/** About 270 years of days (a few megabytes); past it the map starts afresh rather than grow. */
const MAX_DAYS_KEPT = 100_000;

function parisOffsetAt(instant: number): number {
  const utcDay = Math.floor(instant / DAY_MS);
  let kept = offsetByUtcDay.get(utcDay);
  if (kept === undefined) {
    kept = offsetOfDay(utcDay);
    if (offsetByUtcDay.size >= MAX_DAYS_KEPT) offsetByUtcDay.clear();
    offsetByUtcDay.set(utcDay, kept);
  }
  if (typeof kept === "number") return kept;
  return instant < kept.switchAt ? kept.before : kept.after;
}

/** A UTC day's offset, or where in it the offset changed: the first millisecond of the new one. */
function offsetOfDay(utcDay: number): DayOffset {
  const first = utcDay * DAY_MS;
  const last = first + DAY_MS - 1;
  const before = intlWallMs(first) - first;
  const after = intlWallMs(last) - last;
  if (before === after) return before;
  // Invariant: the offset at `low` is `before`, at `high` it is not (27 readings for a day's 86,400,000 ms).
  let low = first;
  let high = last;
  while (high - low > 1) {
    const middle = low + Math.floor((high - low) / 2);
    if (intlWallMs(middle) - middle === before) low = middle;
    else high = middle;
  }
  return { switchAt: high, before, after };
}

/** The Paris wall clock at an instant, read as if it were UTC. */
function parisWallMs(instant: number): number {
  return instant + parisOffsetAt(instant);
}

/** The same, read through Intl at every call. */
function intlWallMs(instant: number): number {
  const parts: Record<string, string> = {};
  for (const part of parisParts.formatToParts(new Date(instant))) parts[part.type] = part.value;
  const year = parts.era === "BC" ? 1 - Number(parts.year) : Number(parts.year);
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
  return wall.getTime() + (((instant % 1000) + 1000) % 1000);
}

/** Paris's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
export function parisOffsetMs(instant: Date): number {
  return parisWallMs(instant.getTime()) - instant.getTime();
}

/**
 * The number written in `text` from `from` to `to` (NaN if anything there is not a digit), read
 * by character code: the daily prevention job parses millions of days, and a regular expression
 * each time shows (prevention/days.ts reads its days with it too).
 */
export function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return NaN;
    value = value * 10 + code;
  }
  return value;
}

function parse(day: Day): Civil | undefined {
  let [year, month, date] = [NaN, NaN, NaN];
  // "AAAA-MM-JJ", the usual case, read without a regular expression (45 is "-").
  if (day.length === 10 && day.charCodeAt(4) === 45 && day.charCodeAt(7) === 45) [year, month, date] = [digits(day, 0, 4), digits(day, 5, 7), digits(day, 8, 10)];
  else {
    const match = DAY.exec(day);
    if (!match) return undefined;
    [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (Number.isNaN(year + month + date) || month < 1 || month > 12 || date < 1 || date > daysInMonth(year, month)) return undefined;
  return { year, month, day: date };
}

function format({ year, month, day }: Civil): Day {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function civil(day: Day): Civil {
  const parsed = parse(day);
  if (!parsed) throw new RangeError(`Not a calendar day: ${day}`);
  return parsed;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether a text is a real calendar day written AAAA-MM-JJ ("2026-02-30" is not). */
export function isDay(value: string): value is Day {
  return value.length === 10 && parse(value) !== undefined;
}

/**
 * Each day's first instant, kept per day. Why: a prescriptions page works out the last instant
 * of every line's validity on every view, and those days' starts were 4.5 % of its CPU (issue 16,
 * V8 profile: the Date objects built for them, and Intl on every call for a day the clocks change
 * on, whose offset parisOffsetAt does not keep). A pure function of the text; bounded like the
 * offsets, emptied when full.
 */
const startByDay = new Map<Day, number>();

/** The first instant of a Paris calendar day (00:00:00.000 Paris time). */
export function startOfParisDay(day: Day): Date {
  let start = startByDay.get(day);
  if (start === undefined) {
    start = firstInstantOf(civil(day));
    if (startByDay.size >= MAX_DAYS_KEPT) startByDay.clear();
    startByDay.set(day, start);
  }
  // A new Date each time: a caller may change the one it gets.
  return new Date(start);
}

/**
 * The first instant of a day: the earliest whose Paris wall clock is at or past the day's
 * midnight while the millisecond before is not. Midnight is once on most days, but twice when
 * the clocks went back across it (26 September 1976: 01:00 back to 00:00, so the day began at
 * 22:00 UTC, not 23:00, as a property test found) and never when they went forward across it
 * (the day then begins at the change). In every case the first instant is midnight under the
 * offset in force a day before or a day after: Paris's clocks never changed twice within a day.
 */
function firstInstantOf({ year, month, day }: Civil): number {
  const wall = utcMs(year, month, day);
  const before = wall - parisOffsetAt(wall - DAY_MS);
  const after = wall - parisOffsetAt(wall + DAY_MS);
  for (const candidate of before < after ? [before, after] : [after, before]) {
    if (parisWallMs(candidate) >= wall && parisWallMs(candidate - 1) < wall) return candidate;
  }
  throw new Error(`no first instant found for ${format({ year, month, day })}`);
}

/** The last instant of a Paris calendar day (23:59:59.999 Paris time): the day is included. */
export function endOfParisDay(day: Day): Date {
  return new Date(startOfParisDay(addDaysToDay(day, 1)).getTime() - 1);
}

/** The Paris calendar day an instant falls on. */
export function parisDayOf(instant: Date): Day {
  const wall = new Date(parisWallMs(instant.getTime()));
  return format({ year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() });
}

export function addDaysToDay(day: Day, days: number): Day {
  const { year, month, day: date } = civil(day);
  const moved = new Date(utcMs(year, month, date) + days * DAY_MS);
  return format({ year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() });
}

/**
 * A day some months later, kept inside the target month: 31 January + 1 month is the last day
 * of February, 29 February + 12 months is 28 February.
 */
export function addMonthsToDay(day: Day, months: number): Day {
  const { year, month, day: date } = civil(day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return format({ year: targetYear, month: targetMonth, day: Math.min(date, daysInMonth(targetYear, targetMonth)) });
}
