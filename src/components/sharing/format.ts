import { parisDayOf } from "@/lib/dates/paris-day";

const longDate = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });

/** "30 juin 2027": a day as a patient reads it, in Paris time. */
export function frenchDay(value: Date | string): string {
  return longDate.format(new Date(value));
}

/** The Paris calendar day of an instant, YYYY-MM-DD, for a date input's value. */
export function dayInputValue(value: Date | string | undefined): string {
  return value ? parisDayOf(new Date(value)) : "";
}
