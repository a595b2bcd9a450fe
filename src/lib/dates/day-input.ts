import { z } from "zod";

/**
 * A calendar day typed in a form. The forms' date fields (`type="date"`) send « 1985-03-14 »;
 * a browser without a date picker (older phones' browsers) shows a plain text field, where a
 * person types what the field's hint and French habit say, « 14/03/1985 ». Both are read as the
 * same day; anything else, or a day that does not exist (« 31/02/1985 »), is refused as ISO days
 * were. Only this one French form is read, never « 03/14/1985 »: two-digit day first, then month.
 */
const FRENCH_DAY = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/;

/** « 14/03/1985 » (or « 14.03.1985 », « 14-3-1985 ») as « 1985-03-14 »; anything else as it was. */
export function isoDayOfTyped(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const french = FRENCH_DAY.exec(value);
  if (!french) return value.trim();
  const [, day, month, year] = french;
  return `${year}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
}

/** The schema of a day field: ISO as the date picker sends it, or French as a person types it. */
export const typedDay = () => z.preprocess(isoDayOfTyped, z.iso.date());
