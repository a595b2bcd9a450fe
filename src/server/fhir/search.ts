import "@/server/server-only";
import type { DocumentReference, Resource } from "@medplum/fhirtypes";
import { typesSearched } from "../audit/types-searched";
import type { Queryable } from "../db/queryable";
import type { ReadRepository as Repository } from "./read-repository";
import type { SearchRequest, SearchResult } from "./search-request";
import { bounds, limitOffset, orderBy, SqlParams } from "./search-sql";
import { documentFacetsSql, facetCount, facetRefs, facetsAlone } from "./document-facets";
import { SearchFilters } from "./search-filters";
import { searchWhere } from "./search-where";

/**
 * Searches one resource type. Within a patient's compartment the access rules become part of
 * the SQL (row-filter.ts), so paging and totals only ever count what the actor may see.
 */
export async function searchResources<T extends Resource>(repo: Repository, db: Queryable, type: string, request: SearchRequest): Promise<SearchResult<T>> {
  const result = await searchRows<{ content: T }>(repo, db, type, request, "content AS content");
  return { ...result, resources: result.resources.map((row) => row.content) };
}

/** A found resource as PostgreSQL stores it, JSON text, for an answer that sends it as it is. */
export type StoredJson = { id: string; json: string };

/**
 * The same search, each resource as its stored JSON text: the API puts it into the Bundle as it
 * is, where parsing the rows and serialising them again cost a fifth of a search's throughput.
 */
export async function searchStoredJson(repo: Repository, db: Queryable, type: string, request: SearchRequest): Promise<SearchResult<StoredJson>> {
  const result = await searchRows<{ content: string }>(repo, db, type, request, "content::text AS content");
  return { ...result, resources: result.resources.map((row) => ({ id: row.id, json: row.content })) };
}

/**
 * What a list of documents to choose from shows of each (its title and date: titleOf,
 * formatDay), read from the stored resource in SQL: the messages page lists a hundred documents
 * to attach, and reading them whole sent and parsed some 75 kB of JSON (the pages bench's) on
 * every view for a few words each (issue 16). A member the stored resource lacks is undefined.
 */
export type DocumentHeading = Pick<DocumentReference, "resourceType" | "id" | "date" | "description" | "type" | "content" | "status">;

/**
 * The heading's words as five text columns (NULL where absent), put together here rather than as
 * a JSON object built in SQL: building it cost PostgreSQL 0.61 ms for the messages page's hundred
 * documents (statement log, median of 40 views; psql: 0.63 against 0.16 ms as texts), on every
 * view. Nor as one text array (`ARRAY[...]`): node-postgres parses an array's text form character
 * by character (postgres-array), which cost the portal about 0.3 ms of its own CPU on the same
 * hundred documents, the largest part of what the messages page cost beyond the documents page
 * (profile-by-page.mjs, issue 16); a text column is handed over as it is.
 *
 * Each is named `heading_*`: a column named as a column of fhir_resource (`date`, `status`) would
 * be the one `ORDER BY date` sorts on, PostgreSQL preferring an output column to an input one.
 */
const DOCUMENT_HEADING_COLUMNS = `content->>'status' AS heading_status, content->>'date' AS heading_date, content->>'description' AS heading_description, content->'type'->>'text' AS heading_type, content->'content'->0->'attachment'->>'title' AS heading_title`;

type HeadingColumns = { heading_status: string; heading_date: string | null; heading_description: string | null; heading_type: string | null; heading_title: string | null };

function headingOf(row: { id: string } & HeadingColumns): DocumentHeading {
  const { id, heading_status: status, heading_date: date, heading_description: description, heading_type: typeText, heading_title: title } = row;
  return {
    resourceType: "DocumentReference",
    id,
    // Required of every DocumentReference, and checked on every write (validate.ts).
    status: status as DocumentReference["status"],
    // Undefined rather than left out: `...(date != null ? { date } : {})` took V8's slow path for
    // a literal that gains members after a spread, 42 µs of the messages page's hundred headings.
    date: date ?? undefined,
    description: description ?? undefined,
    type: typeText != null ? { text: typeText } : {},
    content: [{ attachment: title != null ? { title } : {} }],
  };
}

/** What a search reads of each row besides its id: the resource, its stored text, or a document's heading. */
type Columns = "content AS content" | "content::text AS content" | typeof DOCUMENT_HEADING_COLUMNS;

/** The same search of documents, each as its heading only (DocumentHeading). */
export async function searchDocumentHeadings(repo: Repository, db: Queryable, request: SearchRequest): Promise<SearchResult<DocumentHeading>> {
  const result = await searchRows<HeadingColumns>(repo, db, "DocumentReference", request, DOCUMENT_HEADING_COLUMNS);
  return { ...result, resources: result.resources.map(headingOf) };
}

/**
 * The page and its total in one statement: the count is a sub-select of the page's statement,
 * which PostgreSQL runs once (an InitPlan) and hands back on each of the page's rows. They were two
 * statements on two of the pool's connections, side by side: a statement costs the portal about
 * 0.14 ms of its own CPU whatever it asks (the round trip: a connection taken from the pool, the
 * messages written to the socket, the answer read back; a `SELECT 1` added to the documents page
 * made it 6 % dearer and 5 % fewer pages a second at 25 connections), more than the bounded count
 * costs PostgreSQL (0.2-0.3 ms for 1,000 index entries). Every documents list counts (issue 16).
 * A page past the end has no row to carry the count: only then is it counted on its own.
 */
async function searchRows<C extends object>(
  repo: Repository,
  db: Queryable,
  type: string,
  request: SearchRequest,
  columns: Columns,
): Promise<SearchResult<{ id: string } & C>> {
  const { count, offset } = bounds(request);
  const patientId = request.patientId;
  const p = new SqlParams();
  const withFacetsAsked = request.facets && type === "DocumentReference" && patientId !== undefined;
  // The page and its facets filter the same rows for the same actor: one filter for both.
  const filters = withFacetsAsked ? new SearchFilters(repo.actor, () => repo.now()) : undefined;
  const whereSql = await searchWhere(repo, type, request, p, { filters });
  if (whereSql === undefined) return { resources: [], hasMore: false, offset, count, total: request.total ? 0 : undefined };
  const whereValues = [...p.values];
  const counted = request.total ? `, (${countSql(whereSql, p, request.totalUpTo)}) AS total` : "";
  const facetsSql = withFacetsAsked ? await documentFacetsSql(repo, patientId, p, filters) : undefined;
  const withFacets = facetsSql !== undefined ? `, (${facetsSql}) AS facets` : "";
  const page = limitOffset(p, count + 1, offset);
  const rows = await db.query<{ id: string; total?: bigint | number | string; facets?: string | null } & C>(
    `SELECT id, ${columns}${counted}${withFacets} FROM fhir_resource WHERE ${whereSql} ORDER BY ${orderBy(request)} ${page}`,
    p.values,
  );
  // The rows keep their total and facets columns: every caller takes only the columns it asked for.
  const resources = rows.slice(0, count);
  if (patientId !== undefined && rows.length > 0) repo.compartmentSeen(patientId);
  // The facets ride on the page's rows; an empty page asks for them on their own.
  const facets =
    facetsSql === undefined ? undefined : rows.length > 0 ? facetRefs(rows[0]!.facets ?? null) : ((await facetsAlone(repo, db, patientId!, filters)) ?? { authors: [], facilities: [] });
  if (patientId !== undefined) {
    // A page and its filters' choices are one look at the record, read together: one row, which
    // says how many choices the filters offered. A row of its own for the facets was a second
    // line in the patient's history for every view of a list, and one of the three audit rows
    // the documents page wrote before answering (four for a caregiver's; issue 16).
    const detail: Record<string, number> = { results: resources.length, offset };
    if (facets) detail.facets = facetCount(facets);
    await repo.audit({ patientId, entity: type, interaction: "search", outcome: "success", detail });
  }
  // count(*) is a bigint: a string through pg, a bigint through PGlite. No row on the first page:
  // nothing matches.
  const total = !request.total
    ? undefined
    : rows.length > 0
      ? Number(rows[0]!.total ?? 0)
      : offset === 0
        ? 0
        : await countMatches(db, whereSql, whereValues, request.totalUpTo);
  return { resources, hasMore: rows.length > count, offset, count, total, ...(facets ? { facets } : {}) };
}

/** How many rows match, or `upTo` at most (request.totalUpTo): its LIMIT stops the index scan there. */
function countSql(whereSql: string, p: SqlParams, upTo: number | undefined): string {
  return upTo === undefined
    ? `SELECT count(*) FROM fhir_resource WHERE ${whereSql}`
    : `SELECT count(*) FROM (SELECT 1 FROM fhir_resource WHERE ${whereSql} LIMIT ${p.add(Math.max(0, Math.floor(upTo)))}) AS bounded`;
}

/** The count alone, for a page past the end of the list (searchRows). */
async function countMatches(db: Queryable, whereSql: string, values: unknown[], upTo: number | undefined): Promise<number> {
  const p = new SqlParams();
  p.values.push(...values);
  const [counted] = await db.query<{ n: bigint | number | string }>(`SELECT (${countSql(whereSql, p, upTo)}) AS n`, p.values);
  return Number(counted?.n ?? 0);
}

/**
 * Several types of one patient's compartment (or of the directory) in one statement: each type's
 * own search (its own rules in its WHERE, its own LIMIT), joined by UNION ALL, then one audit row
 * for the search, naming its types and what it found of each, as FHIR's `_type` search is one
 * (types-searched.ts); a type refused leaves its own denied row, as alone. A page reading a
 * person's prevention record (immunizations, conditions, procedures) paid three round trips for
 * it, on every view of a professional's record (issue 16). No totals: a page that needs one
 * searches its type alone.
 */
export async function searchResourcesOfTypes(
  repo: Repository,
  db: Queryable,
  types: string[],
  request: Omit<SearchRequest, "total" | "cursor">,
): Promise<Map<string, SearchResult<Resource>>> {
  const { count, offset } = bounds(request);
  const p = new SqlParams();
  const branches: string[] = [];
  const searched: string[] = [];
  for (const type of types) {
    // The patient hidden from the planner, as for the facets: with the patient in view it planned
    // this statement again on every view of a professional's record and of the prevention pages
    // (0.33-0.46 ms of bind each, statement log), finding a plan for that patient cheaper than the
    // generic one, which is the same index scan on (patient, type, date) for any patient.
    const whereSql = await searchWhere(repo, type, request, p, { patientInitPlan: true });
    if (whereSql === undefined) continue;
    searched.push(type);
    // Each branch keeps its own order and page; the outer ORDER BY puts them back in it (UNION
    // ALL alone promises no order).
    branches.push(
      `(SELECT ${p.add(type)}::text AS searched, id, content, date, last_updated FROM fhir_resource WHERE ${whereSql}
         ORDER BY ${orderBy(request)} ${limitOffset(p, count + 1, offset)})`,
    );
  }
  const rows = branches.length
    ? await db.query<{ searched: string; id: string; content: Resource }>(
        `SELECT searched, id, content FROM (${branches.join(" UNION ALL ")}) AS found ORDER BY searched, ${orderBy(request)}`,
        p.values,
      )
    : [];
  const patientId = request.patientId;
  if (patientId !== undefined && rows.length > 0) repo.compartmentSeen(patientId);
  const results = new Map<string, SearchResult<Resource>>();
  for (const type of types) {
    const found = rows.filter((row) => row.searched === type);
    results.set(type, { resources: found.slice(0, count).map((row) => row.content), hasMore: found.length > count, offset, count });
  }
  // As searchRows: a search made in a patient's space (directory types included) leaves a row
  // there; one for the types searched together (types-searched.ts says why).
  if (patientId !== undefined && searched.length > 0) {
    const { entity, detail } = typesSearched(new Map(searched.map((type) => [type, results.get(type)!.resources.length])), offset);
    await repo.audit({ patientId, entity, interaction: "search", outcome: "success", detail });
  }
  return results;
}
