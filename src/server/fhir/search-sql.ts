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

export function searchTerms(request: SearchRequest, p: SqlParams): string[] {
  const terms: string[] = [];
  if (request.ids?.length) {
    // Stored ids are UUIDs: any other names no row (a hide rule written by hand names "0"; the
    // sharing page searches the documents it hides). Cast to uuid[], it failed the whole search.
    const ids = request.ids.filter(isUuid);
    terms.push(ids.length ? `id = ANY(${p.add(ids)}::uuid[])` : "FALSE");
  }
  if (request.category?.length) terms.push(`category = ANY(${p.add(request.category)}::text[])`);
  if (request.code?.length) terms.push(`code = ANY(${p.add(request.code)}::text[])`);
  if (request.status?.length) terms.push(`status = ANY(${p.add(request.status)}::text[])`);
  if (request.author?.length) terms.push(`author = ANY(${p.add(request.author)}::text[])`);
  if (request.practitioner?.length) terms.push(`actor_ref = ANY(${p.add(request.practitioner)}::text[])`);
  if (request.authorAt?.length) {
    terms.push(
      `EXISTS (SELECT 1 FROM fhir_resource role WHERE role.actor_ref = fhir_resource.author AND role.resource_type = 'PractitionerRole'
        AND NOT role.deleted AND role.content->'organization'->>'reference' = ANY(${p.add(request.authorAt)}::text[]))`,
    );
  }
  if (request.group?.length) terms.push(`group_id = ANY(${p.add(request.group)}::text[])`);
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
