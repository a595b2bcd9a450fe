import "@/server/server-only";
import type { DocumentReference, Resource } from "@medplum/fhirtypes";
import { agentRef } from "../access/actor";
import { domainOf } from "../access/facts";
import { rowFilter } from "../access/row-filter";
import { typesSearched } from "../audit/types-searched";
import type { Queryable } from "../db/queryable";
import { invalid } from "./errors";
import type { ReadRepository as Repository } from "./read-repository";
import { rowFilterSql } from "./row-filter-sql";
import type { DocumentFacetRefs, SearchRequest, SearchResult } from "./search-request";
import { bounds, limitOffset, orderBy, searchTerms, SqlParams, typeLiteral } from "./search-sql";
import { isUuid } from "./ids";
import { BINARY_DOCUMENT_ID_SQL } from "./document-files";

/**
 * Searches one resource type. Within a patient's compartment the access rules become part of
 * the SQL (row-filter.ts), so paging and totals only ever count what the actor may see.
 */
export async function searchResources<T extends Resource>(repo: Repository, db: Queryable, type: string, request: SearchRequest): Promise<SearchResult<T>> {
  const result = await searchRows<T>(repo, db, type, request, "content");
  return { ...result, resources: result.resources.map((row) => row.content) };
}

/** A found resource as PostgreSQL stores it, JSON text, for an answer that sends it as it is. */
export type StoredJson = { id: string; json: string };

/**
 * The same search, each resource as its stored JSON text: the API puts it into the Bundle as it
 * is, where parsing the rows and serialising them again cost a fifth of a search's throughput.
 */
export async function searchStoredJson(repo: Repository, db: Queryable, type: string, request: SearchRequest): Promise<SearchResult<StoredJson>> {
  const result = await searchRows<string>(repo, db, type, request, "content::text");
  return { ...result, resources: result.resources.map((row) => ({ id: row.id, json: row.content })) };
}

/**
 * The WHERE of a search of one type: the type, the actor's rules in a patient's compartment (or
 * the directory's decision), then the parameters. Undefined when the actor may see nothing
 * there (a refused compartment search is audited as such).
 */
export async function searchWhere(
  repo: Repository,
  type: string,
  request: SearchRequest,
  p: SqlParams,
  { patientInitPlan = false }: { patientInitPlan?: boolean } = {},
): Promise<string | undefined> {
  const domain = domainOf(type);
  if (!domain || domain === "audit") throw invalid(`Recherche non prise en charge pour ${type.slice(0, 64)}`);
  const where = [`resource_type = ${typeLiteral(type)}`, "NOT deleted"];
  const patientId = request.patientId;
  if (domain === "directory") {
    const decision = await repo.decideOn("search", { resourceType: type, confidentiality: "N", labels: [] });
    if (!decision.allow) return undefined;
  } else if (patientId === undefined) {
    // Only the system searches across patients (jobs); everyone else names whose record.
    if (repo.actor.kind !== "system") throw invalid("Le paramètre « patient » est obligatoire pour ce type de ressource.");
  } else {
    if (!isUuid(patientId)) return undefined;
    const rules = await repo.rulesForDecision(patientId);
    const filter = rowFilter(repo.actor, "search", type, rules, repo.now());
    if (filter.kind === "none") {
      await repo.audit({ patientId, entity: type, interaction: "search", outcome: "denied", reason: "no-access" });
      return undefined;
    }
    // patientInitPlan: the patient as a sub-select the planner cannot see into (documentFacetRefs says why).
    where.push(patientInitPlan ? `patient_id = (SELECT ${p.add(patientId)}::uuid)` : `patient_id = ${p.add(patientId)}::uuid`);
    where.push(
      rowFilterSql(
        filter,
        {
          hiddenIds: [...rules.hiddenDocuments],
          linkPrescriptionId: repo.actor.kind === "link" ? repo.actor.prescriptionId : undefined,
          // A file is hidden when its document is (factsOfRow does the same for reads).
          hiddenIdColumn: type === "Binary" ? BINARY_DOCUMENT_ID_SQL : undefined,
          // A professional's conversations are those naming them (actor_ref of a Communication).
          participantRef: agentRef(repo.actor),
        },
        p.add,
      ),
    );
  }
  where.push(...searchTerms(request, p));
  return where.join(" AND ");
}

/**
 * What a list of documents to choose from shows of each (its title and date: titleOf,
 * formatDay), read from the stored resource in SQL: the messages page lists a hundred documents
 * to attach, and reading them whole sent and parsed some 75 kB of JSON (the pages bench's) on
 * every view for a few words each (issue 16). Nulls are left out, as a stored resource has none.
 */
export type DocumentHeading = Pick<DocumentReference, "resourceType" | "id" | "date" | "description" | "type" | "content" | "status">;

/**
 * The heading's words as five texts (NULL where absent), put together here rather than as a JSON
 * object built in SQL: building it cost PostgreSQL 0.61 ms for the messages page's hundred
 * documents (statement log, median of 40 views; psql: 0.63 against 0.16 ms as texts), on every view.
 */
const DOCUMENT_HEADING_SQL = `ARRAY[content->>'status', content->>'date', content->>'description', content->'type'->>'text', content->'content'->0->'attachment'->>'title']`;

function headingOf(id: string, [status, date, description, typeText, title]: (string | null)[]): DocumentHeading {
  return {
    resourceType: "DocumentReference",
    id,
    // Required of every DocumentReference, and checked on every write (validate.ts).
    status: status as DocumentReference["status"],
    ...(date != null ? { date } : {}),
    ...(description != null ? { description } : {}),
    type: typeText != null ? { text: typeText } : {},
    content: [{ attachment: title != null ? { title } : {} }],
  };
}

/** What a search reads of each row: the resource, its stored text, or a document's heading. */
type Column = "content" | "content::text" | typeof DOCUMENT_HEADING_SQL;

/** The same search of documents, each as its heading only (DocumentHeading). */
export async function searchDocumentHeadings(repo: Repository, db: Queryable, request: SearchRequest): Promise<SearchResult<DocumentHeading>> {
  const result = await searchRows<(string | null)[]>(repo, db, "DocumentReference", request, DOCUMENT_HEADING_SQL);
  return { ...result, resources: result.resources.map((row) => headingOf(row.id, row.content)) };
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
async function searchRows<C>(
  repo: Repository,
  db: Queryable,
  type: string,
  request: SearchRequest,
  column: Column,
): Promise<SearchResult<{ id: string; content: C }>> {
  const { count, offset } = bounds(request);
  const patientId = request.patientId;
  const p = new SqlParams();
  const whereSql = await searchWhere(repo, type, request, p);
  if (whereSql === undefined) return { resources: [], hasMore: false, offset, count, total: request.total ? 0 : undefined };
  const whereValues = [...p.values];
  const counted = request.total ? `, (${countSql(whereSql, p, request.totalUpTo)}) AS total` : "";
  const facetsSql = request.facets && type === "DocumentReference" && patientId !== undefined ? await documentFacetsSql(repo, patientId, p) : undefined;
  const withFacets = facetsSql !== undefined ? `, (${facetsSql}) AS facets` : "";
  const page = limitOffset(p, count + 1, offset);
  const rows = await db.query<{ id: string; content: C; total?: bigint | number | string; facets?: string[] | null }>(
    `SELECT id, ${column} AS content${counted}${withFacets} FROM fhir_resource WHERE ${whereSql} ORDER BY ${orderBy(request)} ${page}`,
    p.values,
  );
  const resources = rows.slice(0, count).map(({ id, content }) => ({ id, content }));
  if (patientId !== undefined && rows.length > 0) repo.compartmentSeen(patientId);
  if (patientId !== undefined) {
    await repo.audit({
      patientId,
      entity: type,
      interaction: "search",
      outcome: "success",
      detail: { results: resources.length, offset },
    });
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
  // The facets ride on the page's rows too; an empty page asks for them on their own.
  const facets = facetsSql === undefined ? undefined : rows.length > 0 ? await facetsFound(repo, patientId!, rows[0]!.facets ?? null) : await documentFacetRefs(repo, db, patientId!);
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

export type { DocumentFacetRefs };

/**
 * Every author of the documents this actor may see in a patient's record, and every facility
 * where one of them practises (their PractitionerRoles), computed in SQL over the whole record:
 * a filter never leaves out an author because a directory read stopped at some page size.
 * Only what the actor's search would return is counted, so hidden documents name no one.
 * A documents list asks for them with its page (request.facets), in the page's own statement.
 */
export async function documentFacetRefs(repo: Repository, db: Queryable, patientId: string): Promise<DocumentFacetRefs> {
  const p = new SqlParams();
  const facetsSql = await documentFacetsSql(repo, patientId, p);
  if (facetsSql === undefined) return { authors: [], facilities: [] };
  const [row] = await db.query<{ facets: string[] | null }>(`SELECT (${facetsSql}) AS facets`, p.values);
  return facetsFound(repo, patientId, row?.facets ?? null);
}

/**
 * The facets' sub-select: one array of `author <ref>` and `facility <ref>` texts. Undefined when
 * the actor may not search the record's documents.
 */
async function documentFacetsSql(repo: Repository, patientId: string, p: SqlParams): Promise<string | undefined> {
  // The patient hidden from the planner: seeing a record of 5,000 documents, it always found a
  // plan made for that patient cheaper than its generic one (the same plan) and planned this
  // statement afresh on every view, 0.4 to 1.1 ms of PostgreSQL's time on the documents pages and
  // the professional's record. Behind a sub-select, the estimate is the same for every patient
  // and the plan is kept (psql: generic from the 6th run, planning 0.01 ms; issue 16).
  const whereSql = await searchWhere(repo, "DocumentReference", { patientId }, p, { patientInitPlan: true });
  if (whereSql === undefined) return undefined;
  // The authors by a loose index scan: each step jumps to the next author in
  // resource_patient_documents_idx (patient, type, author) that this actor may see, so the
  // cost follows the number of authors, not of documents. A DISTINCT read every index entry:
  // 2 to 5 ms for a record of 5,000 documents, the heaviest statement of the documents page
  // (issue 16). PostgreSQL 15 has no skip scan of its own. The WHERE is repeated in both
  // terms, on the same parameters; its columns are fhir_resource's, the innermost table, and
  // every column is qualified or its own scope's: inside a page's statement, nothing here may
  // refer to the page's rows (it would be run again for each of them).
  return `SELECT array_agg(facet.kind || ' ' || facet.ref) FROM (
     WITH RECURSIVE seen(author) AS (
       (SELECT fhir_resource.author FROM fhir_resource WHERE ${whereSql} AND fhir_resource.author IS NOT NULL ORDER BY fhir_resource.author LIMIT 1)
       UNION ALL
       SELECT (SELECT fhir_resource.author FROM fhir_resource WHERE ${whereSql} AND fhir_resource.author > seen.author ORDER BY fhir_resource.author LIMIT 1)
         FROM seen WHERE seen.author IS NOT NULL
     ), authors AS (SELECT seen.author FROM seen WHERE seen.author LIKE 'Practitioner/%')
     SELECT 'author' AS kind, authors.author AS ref FROM authors
     UNION
     SELECT 'facility' AS kind, role.content->'organization'->>'reference' AS ref
       FROM fhir_resource role JOIN authors ON role.actor_ref = authors.author
      WHERE role.resource_type = 'PractitionerRole' AND NOT role.deleted AND role.content->'organization'->>'reference' IS NOT NULL
   ) AS facet`;
}

/** The facets read, audited as the search of the record they are (one row, as when read alone). */
async function facetsFound(repo: Repository, patientId: string, facets: string[] | null): Promise<DocumentFacetRefs> {
  // The kind, then the reference whole (the first space is the kind's).
  const found = (facets ?? []).map((facet) => [facet.slice(0, facet.indexOf(" ")), facet.slice(facet.indexOf(" ") + 1)] as const);
  await repo.audit({ patientId, entity: "DocumentReference", interaction: "search", outcome: "success", detail: { facets: found.length } });
  return {
    authors: found.filter(([kind]) => kind === "author").map(([, ref]) => ref),
    facilities: found.filter(([kind]) => kind === "facility").map(([, ref]) => ref),
  };
}
