import "@/server/server-only";
import type { Consent } from "@medplum/fhirtypes";
import type { Repository } from "../fhir/repository";
import { activeConsents, practitionerOf } from "./active-consents";
import { privacySpace } from "./privacy-space";

/** "Débloquer": the block becomes inactive (a new version: the history keeps it). */
export async function unblockProfessional(repo: Repository, practitionerId: string): Promise<boolean> {
  const patientId = await privacySpace(repo);
  const blocks = (await activeConsents(repo, patientId, "block")).filter((consent) => practitionerOf(consent) === practitionerId);
  for (const consent of blocks) {
    await repo.update<Consent>({ ...consent, status: "inactive", dateTime: repo.now().toISOString() }, { ifMatch: consent.meta?.versionId });
  }
  return blocks.length > 0;
}
