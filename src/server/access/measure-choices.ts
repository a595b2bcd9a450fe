import type { Resource } from "@medplum/fhirtypes";
import { idOfReference } from "@/lib/fhir/reference-id";
import { SYSTEMS } from "@/lib/fhir/systems";
import type { Delegation } from "./rules";

/** The measure's tie (a RelatedPerson id) a caregiver's delegation was chosen under, if it says so (SYSTEMS.chosenUnderMeasure). */
export function chosenUnderMeasureOf(resource: Resource | undefined): string | undefined {
  if (resource?.resourceType !== "RelatedPerson") return undefined;
  const mark = resource.extension?.find((ext) => ext.url === SYSTEMS.chosenUnderMeasure);
  return idOfReference(mark?.valueReference?.reference, "RelatedPerson");
}

/**
 * A caregiver the representative chose for the adult ends when the measure that let him choose
 * ends: at its last day, or at the mainlevée the assistance records (the measure's tie inactive),
 * as a caregiver chosen in a child's space ends at the majority (rules.ts, endsAtMajority). The
 * representative acted in her name only within the judge's decision (Code civil art. 440 al. 3,
 * 494-1), so his choice does not outlive it; the adult then chooses again, or not. A caregiver she
 * invited herself keeps the end she chose. A renewal moves the measure's last day (the same tie,
 * a new end), and the cap with it.
 *
 * Pure, over the ties already read with the rules: no query more. The measure's tie is in them
 * whenever every tie of the space is read (load-rules.ts: every RelatedPerson, inactive ones
 * included, and no request deletes a measure: measure-writes.ts). A read of one tie alone (the
 * relatives list's row, the ending notices' tick) finds no tie to cap it with and reads the
 * delegation's own terms, as before; the access is decided on the full rules. A mark naming a tie
 * that is not a measure is read the stricter way: ended.
 */
export function capAtMeasures(delegations: Delegation[]): Delegation[] {
  const ties = new Map(delegations.map((tie) => [tie.relatedPersonId, tie]));
  return delegations.map((delegation) => {
    if (!delegation.chosenUnderMeasure) return delegation;
    const tie = ties.get(delegation.chosenUnderMeasure);
    if (!tie) return delegation;
    if (!tie.measure || !tie.end) return { ...delegation, active: false, ...(delegation.active ? { endsWithMeasure: true as const } : {}) };
    const capped = delegation.active && (!tie.active || !delegation.end || tie.end <= delegation.end);
    return {
      ...delegation,
      end: delegation.end && delegation.end <= tie.end ? delegation.end : tie.end,
      active: delegation.active && tie.active,
      ...(capped ? { endsWithMeasure: true as const } : {}),
    };
  });
}
