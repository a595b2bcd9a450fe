import { dateTerm } from "./date-term-sql";
import { isUuid } from "./ids";
import { DEFAULT_COUNT, MAX_COUNT, MAX_OFFSET, type SearchRequest } from "./search-request";

/** Builds the WHERE terms of a search from its (already validated) parameters. */
export class SqlParams {
  readonly values: unknown[] = [];
  add = (value: unknown): string => {
    this.values.push(value);
    return `$${this.values.length}`;
  };
}

/**
 * A page's LIMIT, and its OFFSET only past the first page. With `OFFSET $n` in the text,
 * PostgreSQL's generic plan, costed for an unknown offset, always looked dearer than one made for
 * the values at hand, so every run of a prepared search was planned again: 0.2-0.25 ms of the
 * database's CPU at bind for an execution of 0.01-0.03 ms (the sharing, prescriptions and
 * messages pages; statement log under load, issue 16). Without it the generic plan (the same
 * index scan) is kept from the sixth run. A first page, most views, is its own statement text.
 */
export function limitOffset(p: SqlParams, limit: number, offset: number): string {
  return offset > 0 ? `LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}` : `LIMIT ${p.add(limit)}`;
}

/**
 * A LIMIT written into the text, rounded up to a power of two, for a statement whose generic plan
 * `LIMIT $n` keeps dearer than any plan made for the values at hand: PostgreSQL costs an unknown
 * limit as a tenth of the rows it expects, and a known one as the few rows it is (the access
 * history's read, audit/read-audit-events.ts). Rounded so that a caller's choice of page size
 * (the API's `_count`, at most MAX_COUNT) makes at most eight statement texts, not one per value,
 * which would fill the driver's bounded set of prepared statements (sql-driver.ts). The caller
 * reads up to twice the rows it asked for, and keeps the ones it wants. Arguments in the order
 * of limitOffset's.
 */
export function limitRoundedUp(p: SqlParams, limit: number, offset: number): string {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`Not a row limit: ${limit}`);
  const rounded = 2 ** Math.ceil(Math.log2(limit));
  return offset > 0 ? `LIMIT ${rounded} OFFSET ${p.add(offset)}` : `LIMIT ${rounded}`;
}

/**
 * A resource type written into a search's SQL text, not sent as a parameter. With the type a
 * parameter, PostgreSQL planned most searches afresh on every run: its generic plan, estimated
 * for "any type", always looked costlier than one made for the type at hand. Written in, the
 * estimate is the type's own and the generic plan is kept after five runs (the prescription
 * page's dispensed totals, a statement since folded into its page, in psql: planned 7 times in 7
 * with the type a parameter, 1.3 to 1.6 ms of planning each on the page; kept from the 6th run
 * with it written in; issue 16). Callers admit only the store's types (domainOf); the spelling
 * is checked here all the same, so nothing but a type name is ever spliced into the text.
 */
export function typeLiteral(type: string): string {
  if (!/^[A-Z][A-Za-z]{0,63}$/.test(type)) throw new TypeError(`Not a resource type: ${JSON.stringify(type.slice(0, 64))}`);
  return `'${type}'`;
}

/**
 * A text column equal to one of these values, one value compared as one value: with `= ANY($n)`,
 * the generic plan PostgreSQL kept after five runs of the documents page filtered by a category
 * scanned every document of the patient and filtered the category (0.42 ms a count of 5,000,
 * against 0.27 ms on the (patient, category) index with `= $n`), and made the filtered page slower
 * than the unfiltered one in every round (issue 16). Every term of this kind is written the same
 * way, so that a search narrowed to one value (a status, a prescription's group, an author) is
 * planned for one value. `column` is ours, never the request's.
 */
function oneOf(column: string, values: string[], p: SqlParams): string {
  return values.length === 1 ? `${column} = ${p.add(values[0])}::text` : `${column} = ANY(${p.add(values)}::text[])`;
}

export function searchTerms(request: SearchRequest, p: SqlParams): string[] {
  const terms: string[] = [];
  if (request.ids?.length) {
    // Stored ids are UUIDs: any other names no row (a hide rule written by hand names "0"; the
    // sharing page searches the documents it hides). Cast to uuid[], it failed the whole search.
    const ids = request.ids.filter(isUuid);
    terms.push(ids.length ? `id = ANY(${p.add(ids)}::uuid[])` : "FALSE");
  }
  if (request.category?.length) terms.push(oneOf("category", request.category, p));
  if (request.code?.length) terms.push(oneOf("code", request.code, p));
  if (request.status?.length) terms.push(oneOf("status", request.status, p));
  if (request.author?.length) terms.push(oneOf("author", request.author, p));
  if (request.practitioner?.length) terms.push(oneOf("actor_ref", request.practitioner, p));
  if (request.authorAt?.length) {
    terms.push(
      `EXISTS (SELECT 1 FROM fhir_resource role WHERE role.actor_ref = fhir_resource.author AND role.resource_type = 'PractitionerRole'
        AND NOT role.deleted AND role.content->'organization'->>'reference' = ANY(${p.add(request.authorAt)}::text[]))`,
    );
  }
  if (request.group?.length) terms.push(oneOf("group_id", request.group, p));
  for (const filter of request.date ?? []) terms.push(dateTerm("date", filter, p));
  for (const filter of request.lastUpdated ?? []) terms.push(dateTerm("last_updated", filter, p));
  if (request.text?.trim()) {
    terms.push(
      `to_tsvector('french', coalesce(search_text, '')) @@ websearch_to_tsquery('french', ${p.add(request.text.trim())})`,
    );
  }
  return terms;
}

export function orderBy(request: SearchRequest): string {
  switch (request.sort ?? "-date") {
    case "date":
      return "date ASC NULLS FIRST, id";
    case "-date":
      return "date DESC NULLS LAST, id";
    case "_lastUpdated":
      return "last_updated ASC, id";
    case "-_lastUpdated":
      return "last_updated DESC, id";
  }
}

export function bounds(request: SearchRequest) {
  const count = Math.min(Math.max(request.count ?? DEFAULT_COUNT, 0), MAX_COUNT);
  const offset = Math.min(Math.max(request.offset ?? 0, 0), MAX_OFFSET);
  return { count, offset };
}
