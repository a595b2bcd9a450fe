import "@/server/server-only";
import type { Organization, Practitioner } from "@medplum/fhirtypes";
import { LRUCache } from "lru-cache";
import { formatHumanName } from "@/lib/fhir/human-name";
import { typesSearched } from "../audit/types-searched";
import type { Queryable } from "../db/queryable";
import type { ReadRepository as Repository } from "./read-repository";

export type DirectoryType = "Practitioner" | "Organization";

/**
 * How long a name read from the directory is used before it is read again. The directory
 * (professionals, facilities) is public to every signed-in actor and changes seldom; a change
 * made through this process's repository is seen at once (forgetDirectoryEntry), one made
 * through another process of the portal within this time.
 */
export const DIRECTORY_NAME_TTL_MS = 60_000;

/**
 * What each process has read of the directory, by `Type/id`: the entry's display name ("" when it
 * has none), or false when no live entry of that type has that id. Bounded, oldest first.
 *
 * Why: nearly every page names the professionals and facilities it shows (a list's authors, a
 * document's viewers, a prescription's prescriber and pharmacies, the history's agents), and
 * those names could only be looked up once the page's own rows had come back: a round trip of its
 * own, the third wave of the documents page, the professional's record, a document's page
 * (issue 16). Only names are kept, never a patient's data. `ttlResolution: 0`: the age of an
 * entry is read from the clock each time, not from a value the cache refreshes on a timer.
 */
const names = new LRUCache<string, string | false>({ max: 20_000, ttl: DIRECTORY_NAME_TTL_MS, ttlResolution: 0 });

/** After a write of a directory entry (guarded-repository.ts): its next name is read again. */
export function forgetDirectoryEntry(type: string, id: string | undefined): void {
  if (id) names.delete(`${type}/${id}`);
}

/**
 * The display names of the directory entries with these ids, by `Type/id`, as a search of those
 * types by id finds them: decided for each type as that search is (a type this actor may not
 * search is not searched), and leaving the same row in the trail of the patient whose space it is
 * made in, naming each type searched and how many of each were found. Only the ids not known, or
 * known for longer than DIRECTORY_NAME_TTL_MS, are read, in one statement.
 */
export async function directoryEntryNames(
  repo: Repository,
  db: Queryable,
  types: readonly DirectoryType[],
  ids: readonly string[],
  patientId: string | undefined,
): Promise<Map<string, string>> {
  const searched: DirectoryType[] = [];
  for (const type of types) {
    if ((await repo.decideOn("search", { resourceType: type, confidentiality: "N", labels: [] })).allow) searched.push(type);
  }
  // Each id under each type searched (an id names one entry, of one type): its name, "" for none, false for no entry.
  const known = new Map<string, string | false>();
  const missing = new Set<string>();
  for (const id of ids) {
    for (const type of searched) {
      const name = names.get(`${type}/${id}`);
      if (name === undefined) missing.add(id);
      else known.set(`${type}/${id}`, name);
    }
  }
  if (missing.size > 0) {
    const rows = await db.query<{ content: Practitioner | Organization }>(
      "SELECT content FROM fhir_resource WHERE resource_type = ANY($1::text[]) AND NOT deleted AND id = ANY($2::uuid[])",
      [searched, [...missing]],
    );
    const read = new Map(rows.map(({ content }) => [`${content.resourceType}/${content.id}`, content]));
    for (const id of missing) {
      for (const type of searched) {
        const entry = read.get(`${type}/${id}`);
        const name = entry ? (nameOf(entry) ?? "") : false;
        names.set(`${type}/${id}`, name);
        known.set(`${type}/${id}`, name);
      }
    }
  }
  const found = new Map<string, string>();
  const counts = new Map(searched.map((type) => [type, 0]));
  for (const [key, name] of known) {
    if (name === false) continue;
    const type = key.slice(0, key.indexOf("/")) as DirectoryType;
    counts.set(type, counts.get(type)! + 1);
    if (name) found.set(key, name);
  }
  if (patientId !== undefined && searched.length > 0) {
    const { entity, detail } = typesSearched(counts, 0);
    await repo.audit({ patientId, entity, interaction: "search", outcome: "success", detail });
  }
  return found;
}

function nameOf(entry: Practitioner | Organization): string | undefined {
  return entry.resourceType === "Practitioner" ? formatHumanName(entry.name) : entry.name;
}
