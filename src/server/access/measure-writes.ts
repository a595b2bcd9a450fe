import type { Resource } from "@medplum/fhirtypes";
import { SYSTEMS } from "@/lib/fhir/systems";
import type { Actor } from "./actor";
import { chosenUnderMeasureOf } from "./measure-choices";

/**
 * The one actor that writes a judge's protection measure of an adult: the assistance's commands
 * (npm run guardianship:grant and guardianship:end, delegations/grant-protection-measure.ts). A
 * court decision is checked by a person of the service, never taken on anyone's word in the portal.
 */
export const MEASURE_PURPOSE = "protection-measure";

/** Whether a resource is a RelatedPerson marked as a protection measure (SYSTEMS.protectionMeasure). */
export function carriesMeasure(resource: Resource | undefined): boolean {
  return resource?.resourceType === "RelatedPerson" && (resource.extension ?? []).some((ext) => ext.url === SYSTEMS.protectionMeasure);
}

/**
 * Whether this write touches a protection measure without being the assistance's: creating one,
 * marking a delegation or a parent's guardianship as one (a caregiver would become a legal
 * representative; a parent would outlive the 18th birthday and read what the minor keeps secret),
 * or changing, unmarking, ending or deleting one (the adult herself included: only the judge ends
 * it, art. 442 al. 3 Code civil, and the assistance records that). Pure; checked by the repository
 * on every create, update and delete, whatever the door (security case 40).
 *
 * Nor does a request add, change or take off the mark of a caregiver chosen under a measure
 * (SYSTEMS.chosenUnderMeasure): taken off, the representative's choice would outlive his measure
 * (measure-choices.ts). The system writes it, at the invitation's acceptance.
 */
export function measureWriteRefused(actor: Actor, next: Resource | undefined, stored: Resource | undefined): boolean {
  if (actor.kind === "system" && actor.purpose === MEASURE_PURPOSE) return false;
  if (carriesMeasure(next) || carriesMeasure(stored)) return true;
  return actor.kind !== "system" && next !== undefined && chosenUnderMeasureOf(next) !== chosenUnderMeasureOf(stored);
}
