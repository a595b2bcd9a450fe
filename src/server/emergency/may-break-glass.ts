import "@/server/server-only";
import { roleAllowsBreakGlass } from "../access/break-glass";
import type { Repository } from "../fhir/repository";

/**
 * Whether this professional holds, today, a role that allows emergency access: the pages offer
 * the break-glass form only then. Others were shown the link and the whole form, and told only
 * once they had typed a patient's identity and a reason (found by an exploratory test of the
 * demo). The handler still decides on its own (open-emergency-access.ts): this only spares the
 * form to those it would refuse.
 */
export async function mayBreakGlass(repo: Repository): Promise<boolean> {
  return roleAllowsBreakGlass(await repo.ownPractitionerRoles(), repo.now());
}
