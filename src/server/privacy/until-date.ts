/**
 * The last instant of a calendar day in Europe/Paris, as an ISO instant: an authorisation
 * "until 30 June" lets the professional in until 23:59:59.999 Paris time that day, in winter
 * (UTC+1) as in summer (UTC+2). Computed with Intl (the offset of Paris at that moment), no
 * library needed for one conversion.
 */
const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** Minutes Paris is ahead of UTC at `instant`. */
function parisOffsetMinutes(instant: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

export function endOfParisDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const local = Date.UTC(y, m - 1, d, 23, 59, 59, 999);
  // The offset at the guessed instant, then at the corrected one (they differ only across a change of clock).
  let instant = local - parisOffsetMinutes(local) * 60_000;
  instant = local - parisOffsetMinutes(instant) * 60_000;
  return new Date(instant);
}

/** Today's calendar day in Paris, YYYY-MM-DD. */
export function parisToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(now);
}
