import { addDaysToDay, daysInMonth, endOfParisDay, startOfParisDay, type Day } from "./paris-day";

/**
 * The instants a FHIR `date` or `dateTime` covers. A value with a time is that instant; a value
 * without one ("2027", "2027-06", "2027-06-30") is a span of Paris calendar days, its last day
 * included. So a grant, a delegation or a validity ending "2027-06-30" ends at 23:59:59.999
 * Paris time that day, not at midnight UTC (02:00 in Paris, the bug of security case 48).
 */
const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export type DaySpan = { first: Day; last: Day };

/** The Paris days a value without a time covers; undefined for a dateTime or nonsense. */
export function daySpanOf(value: string): DaySpan | undefined {
  const match = PARTIAL.exec(value);
  if (!match) return undefined;
  const year = match[1] as string;
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (month === undefined) return { first: `${year}-01-01`, last: `${year}-12-31` };
  const mm = String(month).padStart(2, "0");
  if (day === undefined) return { first: `${year}-${mm}-01`, last: `${year}-${mm}-${daysInMonth(Number(year), month)}` };
  if (day < 1 || day > daysInMonth(Number(year), month)) return undefined;
  return { first: value, last: value };
}

/** [start, end) of a span of Paris days: end is the first instant of the day after. */
export function spanInstants(span: DaySpan): { start: Date; end: Date } {
  return { start: startOfParisDay(span.first), end: startOfParisDay(addDaysToDay(span.last, 1)) };
}

function instantOf(value: string): Date | undefined {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** When a period starting at this value starts: 00:00 Paris time on its first day. */
export function fhirStart(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const span = daySpanOf(value);
  return span ? spanInstants(span).start : instantOf(value);
}

/** The last instant of a period ending at this value: 23:59:59.999 Paris time on its last day. */
export function fhirEnd(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const span = daySpanOf(value);
  return span ? endOfParisDay(span.last) : instantOf(value);
}

/**
 * The first instant a period ending at this value no longer covers: 00:00 Paris time the day
 * after its last day (or the dateTime itself). Rules compare `now < expiry`, which keeps the
 * whole last day, to its last millisecond.
 */
export function fhirExpiry(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const span = daySpanOf(value);
  return span ? startOfParisDay(addDaysToDay(span.last, 1)) : instantOf(value);
}
