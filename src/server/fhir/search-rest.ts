import "@/server/server-only";
import type { Resource } from "@medplum/fhirtypes";
import type { ReadRepository } from "./read-repository";
import { MAX_COUNT, MAX_OFFSET, type SearchRequest, type SearchResult } from "./search-request";

/**
 * Every resource of one type after the first page that searchTypes found for it (several types
 * in one statement, issue 16): the next pages, a search each, as far as the store pages
 * (MAX_OFFSET). `complete` says whether the last one was reached; each caller decides what a
 * longer record means (the prescriptions refuse to show lines missing, prevention reads what it
 * can). `first` undefined: nothing was found for this type.
 */
export async function searchRest<T extends Resource>(
  repo: ReadRepository,
  type: T["resourceType"],
  request: SearchRequest,
  first: SearchResult<Resource> | undefined,
): Promise<{ resources: T[]; complete: boolean }> {
  // searchTypes filters on the type: what it found under this type is of this type.
  const resources = [...(first?.resources ?? [])] as T[];
  if (!first?.hasMore) return { resources, complete: true };
  for (let offset = MAX_COUNT; offset <= MAX_OFFSET; offset += MAX_COUNT) {
    const page = await repo.search<T>(type, { ...request, count: MAX_COUNT, offset, sort: "-date" });
    resources.push(...page.resources);
    if (!page.hasMore) return { resources, complete: true };
  }
  return { resources, complete: false };
}
