import { daySpanOf, spanInstants } from "@/lib/dates/fhir-date";
import { daysInMonth } from "@/lib/dates/paris-day";
import type { DateFilter, DatePrefix } from "../fhir/search-request";

/**
 * A FHIR date search value ("ge2024-03", "2024-03-01T10:00:00+01:00") as the period its
 * precision covers, [start, end). Dates without a time are Paris calendar days: "le2027-06-30"
 * keeps everything up to 23:59:59.999 Paris time that day. The shapes are matched by
 * fixed-width patterns (no nested quantifiers), then checked as real calendar dates.
 */
const PREFIXES: readonly DatePrefix[] = ["eq", "ne", "lt", "le", "gt", "ge", "sa", "eb"];

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseDateParam(raw: string): DateFilter | undefined {
  if (raw.length > 40) return undefined;
  let value = raw;
  let prefix: DatePrefix = "eq";
  const head = raw.slice(0, 2);
  if (/^[a-z]{2}$/.test(head)) {
    if (!PREFIXES.includes(head as DatePrefix)) return undefined;
    prefix = head as DatePrefix;
    value = raw.slice(2);
  }
  const [datePart, timePart, ...rest] = value.split("T");
  if (datePart === undefined || rest.length > 0) return undefined;
  const date = DATE.exec(datePart);
  if (!date) return undefined;
  const year = Number(date[1]);
  const month = date[2] === undefined ? undefined : Number(date[2]);
  const day = date[3] === undefined ? undefined : Number(date[3]);
  if (year < 1 || (month !== undefined && (month < 1 || month > 12))) return undefined;
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month ?? 1))) return undefined;

  if (timePart === undefined) {
    const span = daySpanOf(datePart);
    if (!span) return undefined;
    const { start, end } = spanInstants(span);
    return bounded(prefix, start.getTime(), end.getTime());
  }
  if (day === undefined) return undefined;
  const time = TIME.exec(timePart);
  if (!time) return undefined;
  const [hours, minutes] = [Number(time[1]), Number(time[2])];
  const seconds = time[3] === undefined ? undefined : Number(time[3]);
  const millis = time[4] === undefined ? undefined : Number(time[4].padEnd(3, "0"));
  if (hours > 23 || minutes > 59 || (seconds !== undefined && seconds > 59)) return undefined;
  const offset = offsetMinutes(time[5] ?? "Z");
  if (offset === undefined) return undefined;
  const start = utcMs(year, (month ?? 1) - 1, day, hours, minutes, seconds ?? 0, millis ?? 0) - offset * 60_000;
  const step = millis !== undefined ? 1 : seconds !== undefined ? 1000 : 60_000;
  return bounded(prefix, start, start + step);
}

/** Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear does not. */
function utcMs(year: number, monthIndex: number, day: number, hours = 0, minutes = 0, seconds = 0, millis = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(hours, minutes, seconds, millis);
  return date.getTime();
}

/**
 * PostgreSQL's timestamps stop at years 1 and 9999 as we write them (ISO, no year 0, no
 * six-digit years): bounds are kept inside, where no record can be anyway.
 */
const MIN_MS = utcMs(1, 0, 1);
const MAX_MS = utcMs(9999, 11, 31, 23, 59, 59, 999);
const clamp = (ms: number) => new Date(Math.min(Math.max(ms, MIN_MS), MAX_MS));

function bounded(prefix: DatePrefix, start: number, end: number): DateFilter {
  return { prefix, start: clamp(start), end: clamp(end) };
}

function offsetMinutes(zone: string): number | undefined {
  if (zone === "Z") return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 14 || minutes > 59) return undefined;
  return (zone.startsWith("-") ? -1 : 1) * (hours * 60 + minutes);
}
