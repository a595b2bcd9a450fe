import { isoDayOfTyped } from "@/lib/dates/day-input";
import { endOfParisDay, isDay, parisDayOf } from "@/lib/dates/paris-day";

/**
 * The end date a patient picks for a link (a date field, AAAA-MM-JJ): the link works until the
 * end of that day in Paris (23:59:59.999, summer or winter). Nothing given means the default
 * (7 days); anything unreadable is "invalid". The use case then caps it at the prescription's
 * validity.
 */
export function parseLinkEnd(value: FormDataEntryValue | null): Date | undefined | "invalid" {
  if (value === null || value === "") return undefined;
  // « 14/03/2027 » typed where the browser has no date picker is that day (day-input.ts).
  const day = isoDayOfTyped(value);
  if (typeof day !== "string" || !isDay(day)) return "invalid";
  return endOfParisDay(day);
}

/** The default end shown in the form: the Paris day `days` after now, never past the validity. */
export function defaultLinkEnd(now: Date, days: number, validUntil: string | undefined): string {
  const wanted = new Date(now.getTime() + days * 86_400_000);
  const latest = validUntil ? new Date(validUntil) : wanted;
  return parisDayOf(wanted < latest ? wanted : latest);
}
