import "@/server/server-only";
import type { RelatedPerson } from "@medplum/fhirtypes";
import { spaceOf } from "../access/actor";
import { rulesFromResources, type Delegation } from "../access/rules";
import { notFound } from "../fhir/errors";
import type { Repository } from "../fhir/repository";
import { managesChildSpace, mayManageDelegations } from "./invitation-state";
import { guardianTieRefused } from "./relatives-refusal";

/**
 * Whose delegations the actor manages: the space they act in, never an id from a form. A
 * caregiver (or anyone else) is answered as if the page did not exist.
 */
export function managedSpace(repo: Repository): string {
  const patientId = spaceOf(repo.actor);
  if (!patientId || !mayManageDelegations(repo.actor)) throw notFound();
  return patientId;
}

/**
 * When the managed space stops being managed by its guardian: the first instant of the child's
 * majority (access/rules.ts ends the guardianship then); undefined in one's own space. The end
 * dates offered for a caregiver there stop the day before (invitation-state.ts, endDayBounds).
 */
export async function managedSpaceUntil(repo: Repository): Promise<Date | undefined> {
  const actor = repo.actor;
  if (actor.kind !== "guardian") return undefined;
  const rules = await repo.rules(actor.patientId);
  return rules.delegations.find((delegation) => delegation.relatedPersonId === actor.relatedPersonId)?.end;
}

/**
 * Whether the managed space is a child's, for the ties offered to a caregiver invited there: a
 * guardian's, unless his tie is a judge's protection measure of an adult (access/rules.ts), whose
 * spouse, child or friend she may invite as anyone of age.
 */
export async function managesChildSpaceOf(repo: Repository): Promise<boolean> {
  const actor = repo.actor;
  if (!managesChildSpace(actor) || actor.kind !== "guardian") return false;
  const rules = await repo.rules(actor.patientId);
  return rules.delegations.find((delegation) => delegation.relatedPersonId === actor.relatedPersonId)?.measure === undefined;
}

/** A caregiver's delegation of the managed space, read through the repository (checked, audited). */
export async function caregiverDelegation(repo: Repository, relatedPersonId: string): Promise<{ patientId: string; person: RelatedPerson; delegation: Delegation }> {
  const patientId = managedSpace(repo);
  const person = await repo.read<RelatedPerson>("RelatedPerson", relatedPersonId);
  const delegation = rulesFromResources(patientId, [], [person]).delegations[0];
  if (person.patient?.reference !== `Patient/${patientId}` || !delegation) throw notFound();
  // A guardian's tie is a legal matter: the portal neither changes nor removes it.
  if (delegation.kind === "guardian") throw guardianTieRefused();
  return { patientId, person, delegation };
}
