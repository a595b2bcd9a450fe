import "server-only";
import type { Organization, Practitioner } from "@medplum/fhirtypes";
import { formatHumanName } from "@/lib/fhir/human-name";
import { isUuid, type Repository } from "../fhir/repository";

/**
 * Display names of the professionals and facilities a page mentions, in two directory searches
 * (directory entries are public to every signed-in actor; reading them writes no patient's trace).
 */
export async function directoryNames(repo: Repository, references: (string | undefined)[]): Promise<Map<string, string>> {
  const ids = (type: string) =>
    [...new Set(references.filter((r): r is string => !!r?.startsWith(`${type}/`)).map((r) => r.slice(type.length + 1)))].filter(isUuid);
  const practitionerIds = ids("Practitioner");
  const organizationIds = ids("Organization");
  const names = new Map<string, string>();
  if (practitionerIds.length > 0) {
    const found = await repo.search<Practitioner>("Practitioner", { ids: practitionerIds, count: practitionerIds.length });
    for (const p of found.resources) {
      const name = formatHumanName(p.name);
      if (p.id && name) names.set(`Practitioner/${p.id}`, name);
    }
  }
  if (organizationIds.length > 0) {
    const found = await repo.search<Organization>("Organization", { ids: organizationIds, count: organizationIds.length });
    for (const o of found.resources) if (o.id && o.name) names.set(`Organization/${o.id}`, o.name);
  }
  return names;
}
