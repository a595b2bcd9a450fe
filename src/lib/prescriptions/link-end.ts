/**
 * The end date a patient picks for a link (a date field, AAAA-MM-JJ): the link works until the
 * end of that day in Paris. Nothing given means the default (7 days); anything unreadable is
 * "invalid". The use case then caps it at the prescription's validity.
 */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseLinkEnd(value: FormDataEntryValue | null): Date | undefined | "invalid" {
  if (value === null || value === "") return undefined;
  if (typeof value !== "string") return "invalid";
  const match = DAY.exec(value);
  if (!match) return "invalid";
  // 23:59:59 in Paris (UTC+1 or +2): 21:59:59Z is within the day in both.
  const date = new Date(`${value}T21:59:59Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return "invalid";
  return date;
}

/** The default end shown in the form: today + days, as AAAA-MM-JJ. */
export function defaultLinkEnd(now: Date, days: number, validUntil: string | undefined): string {
  const wanted = new Date(now.getTime() + days * 86_400_000);
  const latest = validUntil ? new Date(validUntil) : wanted;
  return (wanted < latest ? wanted : latest).toISOString().slice(0, 10);
}
