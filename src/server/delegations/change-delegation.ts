import "server-only";
import type { RelatedPerson } from "@medplum/fhirtypes";
import type { Scope } from "../access/scopes";
import { inPrisma } from "../db/queryable";
import { notFound, unprocessable } from "../fhir/errors";
import type { Repository } from "../fhir/repository";
import { notify } from "../notifications/notify";
import { revoked, withRights } from "./delegation-resource";
import { endDayAllowed } from "./invitation-state";
import { caregiverDelegation } from "./managed-space";

/**
 * Changes a caregiver's rights and last day (at most three years ahead, the day included), or
 * ends the delegation at once. Each is a new version of the RelatedPerson, written through the
 * repository: decide() reads it at the caregiver's very next request. The caregiver is told.
 */
export async function changeDelegation(repo: Repository, relatedPersonId: string, change: { scopes: readonly Scope[]; endDay: string }): Promise<void> {
  const { person, delegation } = await caregiverDelegation(repo, relatedPersonId);
  if (!delegation.active) throw notFound();
  if (!endDayAllowed(change.endDay, repo.now())) throw unprocessable("La date de fin doit être entre aujourd'hui et dans trois ans.");
  await writeAndTell(repo, withRights(person, change.scopes, change.endDay), delegation.agentPatientId, "delegation-changed");
}

/** "Retirer": the delegation stops at the caregiver's next request (active=false, kept in the record's history). */
export async function revokeDelegation(repo: Repository, relatedPersonId: string): Promise<"revoked" | "already"> {
  const { person, delegation } = await caregiverDelegation(repo, relatedPersonId);
  if (!delegation.active) return "already";
  await writeAndTell(repo, revoked(person), delegation.agentPatientId, "delegation-revoked");
  return "revoked";
}

async function writeAndTell(repo: Repository, next: RelatedPerson, agentPatientId: string, kind: "delegation-changed" | "delegation-revoked"): Promise<void> {
  await repo.transaction(async ({ tx, update }) => {
    const written = await update<RelatedPerson>(next);
    // Told in the caregiver's own space; the e-mail says only that something changed.
    await notify(inPrisma(tx), { patientId: agentPatientId, kind, link: "/espace/proches", dedupeKey: `${kind}:${written.id}:${written.meta?.versionId ?? ""}` });
  });
}
