import "@/server/server-only";
import { idOfRef } from "../auth/resolve-actor";
import type { RequestScope } from "../documents/request-scope";
import { unsafeFindDelegationsOfAgent } from "../fhir/agent-delegations";

/**
 * When each delegation this person accepted, still in its 24-hour pause, will let them act: the
 * rules' own dates (access metadata, as the space list reads them), nothing of the person who
 * made it. Their name is not shown: the decision lets nobody read it as their caregiver before
 * the pause ends, and this list reads nothing the decision would not allow.
 */
export async function pausedDelegationStarts({ session, repo }: RequestScope): Promise<Date[]> {
  const selfPatientId = idOfRef(session.account.fhirRef, "Patient");
  if (!selfPatientId || session.account.kind !== "patient") return [];
  const now = repo.now();
  const delegations = await unsafeFindDelegationsOfAgent(selfPatientId, (patientId) => repo.rules(patientId));
  return delegations
    .map(({ delegation }) => delegation)
    .filter((delegation) => delegation.kind === "delegate" && delegation.active && delegation.start !== undefined && now < delegation.start && (!delegation.end || delegation.start < delegation.end))
    .map((delegation) => delegation.start!)
    .sort((a, b) => a.getTime() - b.getTime());
}
