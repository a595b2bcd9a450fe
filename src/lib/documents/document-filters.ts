import { z } from "zod";
import { typedDay } from "@/lib/dates/day-input";
import { DOCUMENT_CATEGORIES, type DocumentCategory } from "@/lib/fhir/systems";

/**
 * The documents list's filters, as they live in the URL (bookmarkable, and a plain GET form
 * without JavaScript). Each parameter is checked on its own: a bad one is dropped and the
 * others still apply.
 */
export type DocumentFilters = {
  category?: DocumentCategory;
  /** Practitioner id. */
  author?: string;
  /** Organization id. */
  facility?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  text?: string;
  page: number;
};

export const PAGE_SIZE = 20;
/** The store pages by offset up to 10,000 rows. */
export const MAX_PAGE = 500;
/**
 * How many documents past the page's first are counted: beyond, the list says « plus de … ».
 * Counting walks every matching index entry, and on a record of 5,000 documents that was the
 * documents page's costliest statement: 0.5 ms of PostgreSQL's time a view (pg_stat_statements),
 * and, on the pages bench's held world at 50 connections, two servers alternating, the count left
 * out entirely served 22 % more views. Bounded here: 18 % more views (6,203 → 7,318 in 10 rounds
 * of 3 s), 10 % less app CPU a view (issue 16). A view now costs the same whatever the record's
 * size; an exact « 4 873 documents » tells a person no more than « plus de 1 000 », and the
 * filters are how to narrow a long record. The FHIR API's Bundle.total stays exact.
 */
export const COUNTED_AHEAD = 1000;
export const MAX_TEXT_LENGTH = 200;

const uuid = z.uuid();
const isoDay = typedDay();

const PARAMS = {
  category: "categorie",
  author: "auteur",
  facility: "etablissement",
  from: "du",
  to: "au",
  text: "q",
  page: "page",
} as const;

/** The parameter that names the conversation a document was opened from (openedFromConversation). */
const OPENED_FROM = "conversation";

type RawParams = Record<string, string | string[] | undefined>;

function single(params: RawParams, key: string): string | undefined {
  const value = params[key];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text.trim() === "" ? undefined : text.trim();
}

export function parseDocumentFilters(params: RawParams): { filters: DocumentFilters; invalid: boolean } {
  let invalid = false;
  const take = <T>(key: string, check: (value: string) => T | undefined): T | undefined => {
    const raw = single(params, key);
    if (raw === undefined) return undefined;
    const value = check(raw);
    if (value === undefined) invalid = true;
    return value;
  };
  const category = take(PARAMS.category, (v) =>
    (DOCUMENT_CATEGORIES as readonly string[]).includes(v) ? (v as DocumentCategory) : undefined,
  );
  const author = take(PARAMS.author, (v) => (uuid.safeParse(v).success ? v.toLowerCase() : undefined));
  const facility = take(PARAMS.facility, (v) => (uuid.safeParse(v).success ? v.toLowerCase() : undefined));
  // A day typed « 14/03/2025 » where the browser has no date picker is read as that day (day-input.ts).
  const day = (v: string) => {
    const parsed = isoDay.safeParse(v);
    return parsed.success ? parsed.data : undefined;
  };
  const from = take(PARAMS.from, day);
  const to = take(PARAMS.to, day);
  // A NUL is no text PostgreSQL can compare: the list answered 500 (« q=%00 »), and so did the way back to it.
  const text = take(PARAMS.text, (v) => (v.length <= MAX_TEXT_LENGTH && !v.includes("\0") ? v : undefined));
  const page = take(PARAMS.page, (v) => {
    const n = /^\d{1,4}$/.test(v) ? Number(v) : NaN;
    return n >= 1 && n <= MAX_PAGE ? n : undefined;
  });
  return { filters: { category, author, facility, from, to, text, page: page ?? 1 }, invalid };
}

/** The query string of a filtered view ("?categorie=lab&page=2"), for links and paging. */
export function filtersQuery(filters: DocumentFilters, change: Partial<DocumentFilters> = {}): string {
  const merged = { ...filters, ...change };
  const query = new URLSearchParams();
  if (merged.category) query.set(PARAMS.category, merged.category);
  if (merged.author) query.set(PARAMS.author, merged.author);
  if (merged.facility) query.set(PARAMS.facility, merged.facility);
  if (merged.from) query.set(PARAMS.from, merged.from);
  if (merged.to) query.set(PARAMS.to, merged.to);
  if (merged.text) query.set(PARAMS.text, merged.text);
  if (merged.page > 1) query.set(PARAMS.page, String(merged.page));
  const text = query.toString();
  return text ? `?${text}` : "";
}

/**
 * The list's query a document's page carries from the list it was opened from (its links add
 * filtersQuery), for its « Retour aux documents »: read with the list's own parser and written
 * again by filtersQuery, so only the list's known filters, each checked, reach the link, whose
 * path the page fixes (nothing of the URL chooses where it leads). A bad filter is dropped.
 */
export function listQueryOf(params: RawParams): string {
  const filters = filtersQuery(parseDocumentFilters(params).filters);
  const conversation = openedFromConversation(params);
  if (!conversation) return filters;
  return `${filters ? `${filters}&` : "?"}${OPENED_FROM}=${conversation}`;
}

/**
 * A document opened from a message's attachment carries its conversation's id, so its page leads
 * back « Retour à la conversation » rather than to the documents (found by the walk). Only a
 * well-formed id, which the page puts in a path it fixes itself (`/espace/messages/<id>`): nothing
 * of the URL chooses where the link leads, and a conversation the reader takes no part in answers
 * 404 there as anywhere.
 */
export function openedFromConversation(params: RawParams): string | undefined {
  const raw = single(params, OPENED_FROM);
  return raw !== undefined && uuid.safeParse(raw).success ? raw.toLowerCase() : undefined;
}

/** The address of a document opened from a conversation's attachment (the page's openedFromConversation reads it back). */
export function documentFromConversation(documentPath: string, conversationId: string): string {
  return `${documentPath}?${OPENED_FROM}=${encodeURIComponent(conversationId)}`;
}

export const FILTER_PARAMS = PARAMS;
