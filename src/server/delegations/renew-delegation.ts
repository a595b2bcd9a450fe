import "@/server/server-only";
import { fhirExpiry } from "@/lib/dates/fhir-date";
import { notFound } from "../fhir/errors";
import type { Repository } from "../fhir/repository";
import { changeDelegation } from "./change-delegation";
import { endDayBounds } from "./invitation-state";
import { caregiverDelegation, managedSpaceUntil } from "./managed-space";

/**
 * "Renouveler": one more year from today (the default of a new invitation), rights unchanged.
 * A delegation that already runs longer keeps its end.
 */
export async function renewDelegation(repo: Repository, relatedPersonId: string): Promise<"renewed" | "paused" | "unchanged"> {
  const { person, delegation } = await caregiverDelegation(repo, relatedPersonId);
  if (!delegation.active) throw notFound();
  const { byDefault } = endDayBounds(repo.now(), await managedSpaceUntil(repo));
  const current = person.period?.end;
  const proposed = fhirExpiry(byDefault);
  if (current && proposed && delegation.end && delegation.end >= proposed) return "unchanged";
  // A later end is more than the patient granted: the same pause as any widening.
  const { pausedUntil } = await changeDelegation(repo, relatedPersonId, { scopes: [...delegation.scopes], endDay: byDefault });
  return pausedUntil ? "paused" : "renewed";
}
