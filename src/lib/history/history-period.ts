import { typedDay } from "@/lib/dates/day-input";
import type { Day } from "@/lib/dates/paris-day";

/**
 * The period the access history is narrowed to (« du », « au »: Paris days, both included), as it
 * lives in the URL: a plain GET form without JavaScript, a bookmarkable view, kept by the paging.
 * A person back from a stay in hospital asks « who looked at my record last week? »: on a trail
 * of thousands of lines grouped by kind, the period is how to find it.
 */
export type HistoryPeriod = { from?: Day; to?: Day };

/**
 * The history as shown: its period, and, when opened from a document's page (« Tout l'historique de
 * ce document »), that document's entries alone. The document's page shows its 20 newest views
 * (read-audit.ts); every older one, and the refused attempts on it, are here.
 */
export type HistoryView = HistoryPeriod & { document?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The document the history is narrowed to: an id as the portal writes them, else none (the whole trail). */
export function parseHistoryDocument(params: RawParams): string | undefined {
  const text = Array.isArray(params.document) ? params.document[0] : params.document;
  return text !== undefined && UUID.test(text) ? text : undefined;
}

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

/** The history's address for this view and page (page 1 left out). */
export function historyHref(period: HistoryView, page = 1): string {
  const query = new URLSearchParams();
  if (period.document) query.set("document", period.document);
  if (period.from) query.set("du", period.from);
  if (period.to) query.set("au", period.to);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return `/espace/historique${text ? `?${text}` : ""}`;
}

/** Whether a period is set (the document alone is said apart, historique.tsx). */
export function isNarrowed(period: HistoryPeriod): boolean {
  return period.from !== undefined || period.to !== undefined;
}
