import { isDay, parisDayOf, parisOffsetMs, startOfParisDay } from "@/lib/dates/paris-day";
import { keptPerValue } from "@/lib/kept-per-value";

/**
 * Dates and sizes as French readers expect them, in Paris time whatever the server's zone. A
 * plain day ("2027-06-30") is that Paris day, not an instant in UTC.
 */
const dayFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });
const shortDayFormat = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Paris" });
const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });
const timeFormat = new Intl.DateTimeFormat("fr-FR", { timeStyle: "short", timeZone: "Europe/Paris" });

function valid(value: string | Date | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = typeof value !== "string" ? value : isDay(value) ? startOfParisDay(value) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Kept per value: each list formats the same documents' dates view after view, and Intl's format
 * was 1.2 % of the documents page's CPU and 3 % of the messages page's, whose form lists a hundred
 * documents (issue 16, V8 profiles). A pure function of the string (kept-per-value.ts).
 */
function keptPerString<R extends string | undefined>(format: (value: string | Date | undefined) => R): (value: string | Date | undefined) => R {
  const kept = keptPerValue<R>(format);
  return (value) => (typeof value === "string" ? kept(value) : format(value));
}

/** Intl's "1 mars 2008" as "1er mars 2008" (its long French day starts with the day's number). */
const firstAsOrdinal = (day: string) => (day.startsWith("1 ") ? `1er${day.slice(1)}` : day);

/**
 * "14 mars 1985", and "1er mars 2008": French writes the first of the month as an ordinal, which
 * Intl does not. Every long day the portal shows, alone or before a time, is written here.
 */
export const formatDay = keptPerString((value) => {
  const date = valid(value);
  return date ? firstAsOrdinal(dayFormat.format(date)) : "";
});


export const formatShortDay = keptPerString((value) => {
  const date = valid(value);
  return date ? shortDayFormat.format(date) : "";
});

/**
 * "3 décembre 2026 à 09:05" and "09:05", as Intl writes them in Paris, from the day kept above
 * and the Paris wall clock (paris-day.ts). Why not Intl: a history or a link's openings show
 * fifty instants, each different, and Intl's format was 1.2 % of the history's and the
 * prescription's CPU (issue 16, V8 profiles). Years Intl writes otherwise (before 1000, after
 * 9999) still go through it. A property test holds both to Intl.
 *
 * Kept per value too: the fifty instants differ from each other, not from one view of the page
 * to the next (a document's « Qui l'a consulté », the history's first page). Reading each one's
 * string back into a Date was most of what the document's page spent on its views' times
 * (issue 16, profile-by-page.mjs, forty-first session).
 */
export const formatDateTime = keptPerString((value) => {
  const date = valid(value);
  if (!date) return "";
  const wall = parisWall(date);
  // The wall clock's date is the Paris day ("AAAA-MM-JJ": four-digit years only, see parisWall).
  return wall ? `${formatDay(wall.toISOString().slice(0, 10))} à ${clock(wall)}` : firstAsOrdinal(dateTimeFormat.format(date));
});

export const formatTime = keptPerString((value) => {
  const date = valid(value);
  if (!date) return "";
  const wall = parisWall(date);
  return wall ? clock(wall) : timeFormat.format(date);
});

/** The Paris wall clock at an instant, as a UTC date; undefined for a year of fewer or more than four digits. */
function parisWall(date: Date): Date | undefined {
  const wall = new Date(date.getTime() + parisOffsetMs(date));
  const year = wall.getUTCFullYear();
  return year >= 1000 && year <= 9999 ? wall : undefined;
}

function clock(wall: Date): string {
  return `${String(wall.getUTCHours()).padStart(2, "0")}:${String(wall.getUTCMinutes()).padStart(2, "0")}`;
}

/**
 * The machine-readable form for <time dateTime>: the Paris day. Kept per value as the days
 * above: once per row of every list, it was 1.5 % of the documents page's CPU (issue 16, V8
 * profile), most of it the Date built from the string.
 */
export const isoDay = keptPerString((value): string | undefined => {
  const date = valid(value);
  return date ? parisDayOf(date) : undefined;
});

/**
 * One formatter for every size: `toLocaleString` with options builds a new NumberFormat at each
 * call, 80 µs of a document page's CPU for its one size (issue 16, profile-by-page.mjs).
 */
const megabytes = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) return "";
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${megabytes.format(bytes / (1024 * 1024))} Mo`;
}

export function formatLabel(contentType: string | undefined): string {
  switch (contentType) {
    case "application/pdf":
      return "PDF";
    case "image/jpeg":
      return "JPEG";
    case "image/png":
      return "PNG";
    default:
      return "";
  }
}
