import "@/server/server-only";
import type { Queryable } from "../db/queryable";
import type { ReadRepository as Repository } from "./read-repository";
import type { DocumentFacetRefs } from "./search-request";
import type { SearchFilters } from "./search-filters";
import { SqlParams } from "./search-sql";
import { searchWhere } from "./search-where";

/**
 * Every author of the documents this actor may see in a patient's record, and every facility
 * where one of them practises (their PractitionerRoles), computed in SQL over the whole record:
 * a filter never leaves out an author because a directory read stopped at some page size.
 * Only what the actor's search would return is counted, so hidden documents name no one.
 * A documents list asks for them with its page (request.facets), in the page's own statement.
 */
export async function documentFacetRefs(repo: Repository, db: Queryable, patientId: string): Promise<DocumentFacetRefs> {
  const refs = await facetsAlone(repo, db, patientId);
  if (refs === undefined) return { authors: [], facilities: [] };
  await repo.audit({ patientId, entity: "DocumentReference", interaction: "search", outcome: "success", detail: { facets: facetCount(refs) } });
  return refs;
}

/**
 * The facets' statement on its own (alone, or for a list whose page came back empty), unaudited:
 * its caller writes the row. Undefined when the actor may not search the record's documents.
 * `filters`: the list's, whose filter it shares (search-filters.ts).
 */
export async function facetsAlone(repo: Repository, db: Queryable, patientId: string, filters?: SearchFilters): Promise<DocumentFacetRefs | undefined> {
  const p = new SqlParams();
  const facetsSql = await documentFacetsSql(repo, patientId, p, filters);
  if (facetsSql === undefined) return undefined;
  const [row] = await db.query<{ facets: string | null }>(`SELECT (${facetsSql}) AS facets`, p.values);
  return facetRefs(row?.facets ?? null);
}

/**
 * The facets' sub-select: a JSON array of `author <ref>` and `facility <ref>` texts, as text.
 * Undefined when the actor may not search the record's documents. `filters`: the row filters of
 * the page's statement it rides on, whose filter it shares (search-filters.ts).
 *
 * As text rather than a PostgreSQL array: riding on each row of the page's statement (search.ts),
 * the array was written out by PostgreSQL and parsed by node-postgres once per row, 21 times a
 * view for one value (60 µs of the documents page's CPU, 2 % of it, in a profile; issue 16).
 * Text is passed through as it is, and parsed once (facetRefs).
 */
export async function documentFacetsSql(repo: Repository, patientId: string, p: SqlParams, filters?: SearchFilters): Promise<string | undefined> {
  // The patient hidden from the planner: seeing a record of 5,000 documents, it always found a
  // plan made for that patient cheaper than its generic one (the same plan) and planned this
  // statement afresh on every view, 0.4 to 1.1 ms of PostgreSQL's time on the documents pages and
  // the professional's record. Behind a sub-select, the estimate is the same for every patient
  // and the plan is kept (psql: generic from the 6th run, planning 0.01 ms; issue 16).
  const whereSql = await searchWhere(repo, "DocumentReference", { patientId }, p, { patientInitPlan: true, filters });
  if (whereSql === undefined) return undefined;
  // The authors by a loose index scan: each step jumps to the next author in
  // resource_patient_documents_idx (patient, type, author) that this actor may see, so the
  // cost follows the number of authors, not of documents. A DISTINCT read every index entry:
  // 2 to 5 ms for a record of 5,000 documents, the heaviest statement of the documents page
  // (issue 16). PostgreSQL 15 has no skip scan of its own. The WHERE is repeated in both
  // terms, on the same parameters; its columns are fhir_resource's, the innermost table, and
  // every column is qualified or its own scope's: inside a page's statement, nothing here may
  // refer to the page's rows (it would be run again for each of them).
  return `SELECT json_agg(facet.kind || ' ' || facet.ref)::text FROM (
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

/** The facets' texts (documentFacetsSql) as the authors' and facilities' references. */
export function facetRefs(facets: string | null): DocumentFacetRefs {
  // The kind, then the reference whole (the first space is the kind's).
  const found = facetTexts(facets).map((facet) => [facet.slice(0, facet.indexOf(" ")), facet.slice(facet.indexOf(" ") + 1)] as const);
  return {
    authors: found.filter(([kind]) => kind === "author").map(([, ref]) => ref),
    facilities: found.filter(([kind]) => kind === "facility").map(([, ref]) => ref),
  };
}

/** How many choices the facets offer: what an audit row says of them. */
export function facetCount(refs: DocumentFacetRefs): number {
  return refs.authors.length + refs.facilities.length;
}

/** The facets' JSON array (documentFacetsSql), its texts only. */
function facetTexts(json: string | null): string[] {
  const parsed: unknown = json === null ? [] : JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((facet): facet is string => typeof facet === "string") : [];
}
