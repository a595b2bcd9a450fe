import { isDay, parisDayOf, startOfParisDay } from "@/lib/dates/paris-day";

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
 * documents (issue 16, V8 profiles). A pure function of the string; bounded, emptied when full.
 */
const KEPT_MAX = 10_000;
function keptPerValue(format: (value: string | Date | undefined) => string): (value: string | Date | undefined) => string {
  const kept = new Map<string, string>();
  return (value) => {
    if (typeof value !== "string") return format(value);
    let formatted = kept.get(value);
    if (formatted === undefined) {
      formatted = format(value);
      if (kept.size >= KEPT_MAX) kept.clear();
      kept.set(value, formatted);
    }
    return formatted;
  };
}

export const formatDay = keptPerValue((value) => {
  const date = valid(value);
  return date ? dayFormat.format(date) : "";
});

export const formatShortDay = keptPerValue((value) => {
  const date = valid(value);
  return date ? shortDayFormat.format(date) : "";
});

export function formatDateTime(value: string | Date | undefined): string {
  const date = valid(value);
  return date ? dateTimeFormat.format(date) : "";
}

export function formatTime(value: string | Date | undefined): string {
  const date = valid(value);
  return date ? timeFormat.format(date) : "";
}

/** The machine-readable form for <time dateTime>: the Paris day. */
export function isoDay(value: string | Date | undefined): string | undefined {
  const date = valid(value);
  return date ? parisDayOf(date) : undefined;
}

export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) return "";
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${(bytes / (1024 * 1024)).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;
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
