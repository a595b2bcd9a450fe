import { parisDayOf } from "@/lib/dates/paris-day";

/** The Paris calendar day of an instant, YYYY-MM-DD, for a date input's value. */
export function dayInputValue(value: Date | string | undefined): string {
  return value ? parisDayOf(new Date(value)) : "";
}
