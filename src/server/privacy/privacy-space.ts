import "@/server/server-only";
import { spaceOf } from "../access/actor";
import { mayManagePrivacy } from "../documents/privacy-rights";
import { forbidden, notFound } from "../fhir/errors";
import type { Repository } from "../fhir/repository";

/**
 * Whose sharing settings the actor is changing: the space they act in, never an id from a form.
 * Only the patient, a guardian, or a caregiver the patient gave "privacy:manage" may change
 * them (decide() on a Consent write); everyone else is refused before anything is read.
 */
export async function privacySpace(repo: Repository): Promise<string> {
  const patientId = spaceOf(repo.actor);
  if (!patientId || repo.actor.kind === "link") throw notFound();
  if (!(await mayManagePrivacy(repo, patientId))) throw forbidden("Vous ne pouvez pas modifier les réglages de partage de cet espace.");
  return patientId;
}
