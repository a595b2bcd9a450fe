import "@/server/server-only";
import type { Repository } from "../fhir/repository";
import { patientFrom, practitionerFrom, anOrganization } from "@/lib/fhir/builders/people";
import { ORGANIZATIONS, PATIENTS, PRACTITIONERS } from "@/lib/demo/personas";

/**
 * The people and places of the demo: organisations (pharmacy, hospital, lab, practices),
 * professionals with their RPPS number and role, and the four patients. Directory entries first,
 * since every clinical resource points at them.
 */
export async function seedDirectory(repo: Repository): Promise<number> {
  let count = 0;
  for (const organization of Object.values(ORGANIZATIONS)) {
    await repo.create(anOrganization(organization));
    count++;
  }
  for (const identity of Object.values(PRACTITIONERS)) {
    const { practitioner, role } = practitionerFrom(identity, ORGANIZATIONS[organizationKey(identity.organizationId)]);
    await repo.create(practitioner);
    await repo.create(role);
    count += 2;
  }
  for (const identity of Object.values(PATIENTS)) {
    await repo.create(patientFrom(identity));
    count++;
  }
  return count;
}

function organizationKey(id: string): keyof typeof ORGANIZATIONS {
  const entry = Object.entries(ORGANIZATIONS).find(([, organization]) => organization.id === id);
  if (!entry) throw new Error(`Unknown organisation ${id}`);
  return entry[0] as keyof typeof ORGANIZATIONS;
}
