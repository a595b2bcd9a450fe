import { endOfParisDay, isDay, parisDayOf } from "@/lib/dates/paris-day";

/**
 * The end date a patient picks for a link (a date field, AAAA-MM-JJ): the link works until the
 * end of that day in Paris (23:59:59.999, summer or winter). Nothing given means the default
 * (7 days); anything unreadable is "invalid". The use case then caps it at the prescription's
 * validity.
 */
export function parseLinkEnd(value: FormDataEntryValue | null): Date | undefined | "invalid" {
  if (value === null || value === "") return undefined;
  if (typeof value !== "string" || !isDay(value)) return "invalid";
  return endOfParisDay(value);
}

/** The default end shown in the form: the Paris day `days` after now, never past the validity. */
export function defaultLinkEnd(now: Date, days: number, validUntil: string | undefined): string {
  const wanted = new Date(now.getTime() + days * 86_400_000);
  const latest = validUntil ? new Date(validUntil) : wanted;
  return parisDayOf(wanted < latest ? wanted : latest);
}
