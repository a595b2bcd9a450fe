import type { Actor } from "../access/actor";
/**
 * A search, already parsed and bounded (the API and pages parse query strings with zod into
 * this). Sort keys come from an allow-list; nothing here is ever spliced into SQL as text.
 */
export type DatePrefix = "eq" | "ne" | "lt" | "le" | "gt" | "ge" | "sa" | "eb";
/** A FHIR date parameter: the period its precision covers ([start, end)) and a prefix. */
export type DateFilter = { prefix: DatePrefix; start: Date; end: Date };

export const SORTS = ["date", "-date", "_lastUpdated", "-_lastUpdated"] as const;
export type SortKey = (typeof SORTS)[number];

export const MAX_COUNT = 100;
export const DEFAULT_COUNT = 20;
export const MAX_OFFSET = 10_000;

export type SearchRequest = {
  patientId?: string;
  ids?: string[];
  category?: string[];
  code?: string[];
  status?: string[];
  author?: string[];
  /** For PractitionerRole: the practitioner's reference ("Practitioner/<id>"), indexed. */
  practitioner?: string[];
  /** Organization references: only what an author practising there (a PractitionerRole) wrote. */
  authorAt?: string[];
  /** Prescription (group) identifier. */
  group?: string[];
  date?: DateFilter[];
  lastUpdated?: DateFilter[];
  /** Words to find in titles and in the text of attached files. */
  text?: string;
  count?: number;
  offset?: number;
  /** AuditEvent only: continue after this entry (its position in the trail), in the sort's direction. */
  cursor?: string;
  sort?: SortKey;
  total?: boolean;
  /**
   * With `total`: count at most this many matches (the total is then a floor when it reaches the
   * bound). A page that says « plus de 1 000 documents » pays for 1,000 index entries, not for the
   * whole record (list-documents.ts).
   */
  totalUpTo?: number;
  /**
   * DocumentReference in a patient's record: the filters' choices too (DocumentFacetRefs), read
   * over the whole record in the page's statement (document-facets.ts says what they are).
   */
  facets?: boolean;
  /**
   * In a patient's record: only what this other actor may read too, under the same patient's
   * rules (decide(), pushed into SQL as the searcher's own filter is). The reply form of a
   * conversation offers only the documents the other side may see (message-delivery.ts, conversationReader).
   * Set by our own code only, never from a request's parameters.
   */
  readableBy?: Actor;
};

/** The authors of the documents an actor may see in a record, and the facilities where they practise (references). */
export type DocumentFacetRefs = { authors: string[]; facilities: string[] };

export type SearchResult<T> = { resources: T[]; total?: number; hasMore: boolean; offset: number; count: number; facets?: DocumentFacetRefs };
