import "@/server/server-only";
import type { Organization, Practitioner } from "@medplum/fhirtypes";
import { formatHumanName } from "@/lib/fhir/human-name";
import { isUuid, type Repository } from "../fhir/repository";
import { MAX_COUNT } from "../fhir/search-request";

/** Ids by pages of a search's largest count, so a long list is named in full. */
function chunks(ids: string[]): string[][] {
  const result: string[][] = [];
  for (let i = 0; i < ids.length; i += MAX_COUNT) result.push(ids.slice(i, i + MAX_COUNT));
  return result;
}

/**
 * Display names of the professionals and facilities a page mentions, in directory searches of
 * up to MAX_COUNT ids each (directory entries are public to every signed-in actor; reading them
 * writes no patient's trace).
 */
export async function directoryNames(repo: Repository, references: (string | undefined)[]): Promise<Map<string, string>> {
  const ids = (type: string) =>
    [...new Set(references.filter((r): r is string => !!r?.startsWith(`${type}/`)).map((r) => r.slice(type.length + 1)))].filter(isUuid);
  const practitionerIds = ids("Practitioner");
  const organizationIds = ids("Organization");
  const names = new Map<string, string>();
  for (const page of chunks(practitionerIds)) {
    const found = await repo.search<Practitioner>("Practitioner", { ids: page, count: page.length });
    for (const p of found.resources) {
      const name = formatHumanName(p.name);
      if (p.id && name) names.set(`Practitioner/${p.id}`, name);
    }
  }
  for (const page of chunks(organizationIds)) {
    const found = await repo.search<Organization>("Organization", { ids: page, count: page.length });
    for (const o of found.resources) if (o.id && o.name) names.set(`Organization/${o.id}`, o.name);
  }
  return names;
}
