import "@/server/server-only";
import { isUuid, type Repository } from "../fhir/repository";
import { MAX_COUNT } from "../fhir/search-request";

/** Ids by pages of a search's largest count, so a long list is named in full. */
function chunks(ids: string[]): string[][] {
  const result: string[][] = [];
  for (let i = 0; i < ids.length; i += MAX_COUNT) result.push(ids.slice(i, i + MAX_COUNT));
  return result;
}

/**
 * Display names of the professionals and facilities a page mentions, both kinds in one directory
 * search of up to MAX_COUNT ids (directory entries are public to every signed-in actor; a search
 * made in a patient's space leaves its row there, as any search does). Two searches, one per
 * kind, were two round trips on every documents page (issue 16); the names are now kept a minute
 * by each process, so most pages read none (fhir/directory-entry-names.ts).
 */
export async function directoryNames(repo: Repository, references: (string | undefined)[]): Promise<Map<string, string>> {
  const ids = (type: string) =>
    [...new Set(references.filter((r): r is string => !!r?.startsWith(`${type}/`)).map((r) => r.slice(type.length + 1)))].filter(isUuid);
  const practitionerIds = ids("Practitioner");
  const organizationIds = ids("Organization");
  const types = [...(practitionerIds.length ? ["Practitioner" as const] : []), ...(organizationIds.length ? ["Organization" as const] : [])];
  const names = new Map<string, string>();
  // Each kind is searched among every id: an id names one resource, of one type.
  for (const page of chunks([...practitionerIds, ...organizationIds])) {
    for (const [ref, name] of await repo.directoryEntryNames(types, page)) names.set(ref, name);
  }
  return names;
}
