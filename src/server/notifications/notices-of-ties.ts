import "@/server/server-only";
import type { NotificationKind } from "@/lib/notifications/kinds";
import type { Repository } from "../fhir/repository";

/**
 * The notices of a space told only to whoever may list the people it names (its RelatedPersons,
 * decide()): that one of them can no longer act, her own account closed (accounts/spaces-left-without-her.ts).
 * The relatives page says « Compte fermé » under that same decision (audit/agents-acts-and-closures.ts);
 * a caregiver who reads the space's notices by her history right alone (notification-owners.ts)
 * read it in her list all the same, and learnt that one of the people the space named had left
 * the service: with two of them, which one (attack round).
 */
export const TOLD_TO_TIES_READERS: readonly NotificationKind[] = ["agent-account-closed"];

/** Whether the actor may list the space's RelatedPersons, as its relatives page reads them. */
export async function mayListTies(repo: Repository, patientId: string): Promise<boolean> {
  return (await repo.decideOn("search", { resourceType: "RelatedPerson", patientId, confidentiality: "N", labels: [] })).allow;
}
