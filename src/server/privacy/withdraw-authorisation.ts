import "@/server/server-only";
import type { Consent } from "@medplum/fhirtypes";
import type { Repository } from "../fhir/repository";
import { activeConsents, practitionerOf } from "./active-consents";
import { privacySpace } from "./privacy-space";

/**
 * "Retirer l'autorisation": the professional's authorisations become inactive (a new version
 * of each, so the history keeps when it was given and when withdrawn). The professional's next
 * request is refused: rules are read again on every request.
 */
export async function withdrawAuthorisation(repo: Repository, practitionerId: string): Promise<boolean> {
  const patientId = await privacySpace(repo);
  const current = (await activeConsents(repo, patientId, "authorise")).filter((consent) => practitionerOf(consent) === practitionerId);
  for (const consent of current) {
    await repo.update<Consent>({ ...consent, status: "inactive", dateTime: repo.now().toISOString() }, { ifMatch: consent.meta?.versionId });
  }
  return current.length > 0;
}
