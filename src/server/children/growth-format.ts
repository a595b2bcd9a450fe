import { daysInMonth } from "@/lib/dates/paris-day";

/** How the growth page writes ages, values and centiles, in French. Pure. */

/** A person's age on a day, in completed calendar years and months (days under a month), as the carnet writes it. */
export function formatAgeOn(birthDay: string, day: string): string {
  const [by, bm, bd] = birthDay.split("-").map(Number) as [number, number, number];
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  let months = (y - by) * 12 + (m - bm);
  // The month is completed on the same day of the month (or the month's last day when shorter).
  if (d < Math.min(bd, daysInMonth(y, m))) months -= 1;
  if (months < 0) return "avant la naissance";
  if (months === 0) return `${Math.round((Date.UTC(y, m - 1, d) - Date.UTC(by, bm - 1, bd)) / 86_400_000)} j`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return `${rest} mois`;
  const yearText = `${years} an${years > 1 ? "s" : ""}`;
  return rest === 0 ? yearText : `${yearText} ${rest} mois`;
}

/** An age in years for a chart's axis ("4 ans", "1 an", "0 an"). */
export function formatYears(years: number): string {
  const rounded = Math.round(years * 10) / 10;
  return `${new Intl.NumberFormat("fr-FR").format(rounded)} an${rounded >= 2 ? "s" : ""}`;
}

export function formatValue(value: number, decimals: number): string {
  return new Intl.NumberFormat("fr-FR", { maximumFractionDigits: decimals }).format(value);
}

export function formatCentile(centile: number | undefined): string {
  if (centile === undefined) return "—";
  if (centile < 1) return "sous le 1er centile";
  if (centile > 99) return "au-dessus du 99e centile";
  const rounded = Math.round(centile);
  return rounded === 1 ? "1er centile" : `${rounded}e centile`;
}

export function formatDay(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}
