import "@/server/server-only";
import type { RelatedPerson } from "@medplum/fhirtypes";
import { claimActivationNotice, invitationOfRelatedPerson, markConfirmed } from "../db/delegation-invitation-store";
import { inPrisma } from "../db/queryable";
import { env } from "../env";
import { notFound } from "../fhir/errors";
import { createRepository, type Repository } from "../fhir/repository";
import { notify } from "../notifications/notify";
import { cancelLines } from "./delegation-emails";
import { confirmedAt } from "./delegation-resource";
import { hashSecret, newSecret } from "./invitation-secret";
import { caregiverDelegation } from "./managed-space";

/**
 * "Confirmer maintenant": the patient ends the pause from their own session (not a guardian's
 * nor anyone else's: the pause protects the patient from whoever stands beside them, and only
 * their own sign-in says it is them). The delegation starts now.
 */
export async function confirmDelegation(repo: Repository, relatedPersonId: string): Promise<"confirmed" | "already-active"> {
  if (repo.actor.kind !== "patient") throw notFound();
  const { patientId, person, delegation } = await caregiverDelegation(repo, relatedPersonId);
  const now = repo.now();
  if (!delegation.active) throw notFound();
  if (!delegation.start || delegation.start <= now) return "already-active";
  const invitation = await invitationOfRelatedPerson(relatedPersonId);
  const cancelSecret = newSecret();
  // Ending a pause gives the caregiver their rights early, which the repository refuses to any
  // request (access/delegation-widening.ts): written as the system on the patient's own act,
  // checked above, as the acceptance is.
  const system = await createRepository({ kind: "system", purpose: "delegation-confirmation" });
  await system.transaction(async ({ tx, update }) => {
    await update<RelatedPerson>(confirmedAt(person, now), { ifMatch: person.meta?.versionId ?? "" });
    if (!invitation) return;
    const db = inPrisma(tx);
    await markConfirmed(db, invitation.id, now);
    if (await claimActivationNotice(db, invitation.id, now, hashSecret(cancelSecret))) {
      await notify(db, { patientId, kind: "delegation-active", dedupeKey: `delegation-active:${invitation.id}`, emailLines: cancelLines(env().APP_URL, cancelSecret) });
    }
  });
  return "confirmed";
}
