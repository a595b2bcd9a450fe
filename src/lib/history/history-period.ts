import { typedDay } from "@/lib/dates/day-input";
import type { Day } from "@/lib/dates/paris-day";

/**
 * The period the access history is narrowed to (« du », « au »: Paris days, both included), as it
 * lives in the URL: a plain GET form without JavaScript, a bookmarkable view, kept by the paging.
 * A person back from a stay in hospital asks « who looked at my record last week? »: on a trail
 * of thousands of lines grouped by kind, the period is how to find it.
 */
export type HistoryPeriod = { from?: Day; to?: Day };

/** Why a typed period was not applied, and the field at fault: a day that is not one, or a start after the end. */
export type PeriodRefusal = { reason: "day" | "order"; field: "du" | "au" };

type RawParams = Record<string, string | string[] | undefined>;

const day = typedDay();

function dayOf(value: string | string[] | undefined): { day?: Day; bad: boolean } {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === "") return { bad: false };
  const parsed = day.safeParse(text);
  return parsed.success ? { day: parsed.data, bad: false } : { bad: true };
}

/** The period a request asks for; refused (and not applied) when a day is not one or starts after it ends. */
export function parseHistoryPeriod(params: RawParams): { period: HistoryPeriod; refused?: PeriodRefusal } {
  const from = dayOf(params.du);
  const to = dayOf(params.au);
  if (from.bad) return { period: {}, refused: { reason: "day", field: "du" } };
  if (to.bad) return { period: {}, refused: { reason: "day", field: "au" } };
  if (from.day && to.day && from.day > to.day) return { period: {}, refused: { reason: "order", field: "du" } };
  return { period: { from: from.day, to: to.day } };
}

/** The history's address for this period and page (page 1 left out). */
export function historyHref(period: HistoryPeriod, page = 1): string {
  const query = new URLSearchParams();
  if (period.from) query.set("du", period.from);
  if (period.to) query.set("au", period.to);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return `/espace/historique${text ? `?${text}` : ""}`;
}

export function isNarrowed(period: HistoryPeriod): boolean {
  return period.from !== undefined || period.to !== undefined;
}
