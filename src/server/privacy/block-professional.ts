import "@/server/server-only";
import type { Consent, Practitioner } from "@medplum/fhirtypes";
import { aBlock } from "@/lib/fhir/builders/rules";
import { endSessionEmergencies } from "../db/session-emergency-store";
import type { Repository } from "../fhir/repository";
import { activeConsents, practitionerOf } from "./active-consents";
import { privacySpace } from "./privacy-space";

/**
 * "Bloquer": a block beats every authorisation and emergency access (decide()), from the
 * professional's very next request. Authorisations are kept as they are, so unblocking gives
 * back exactly what the patient had chosen, except an emergency access the professional had
 * open: the block ends it, in the same transaction (session-emergency-store.ts says why).
 * Blocking a blocked professional changes nothing.
 */
export async function blockProfessional(repo: Repository, practitionerId: string): Promise<boolean> {
  const patientId = await privacySpace(repo);
  await repo.read<Practitioner>("Practitioner", practitionerId);
  const blocks = await activeConsents(repo, patientId, "block");
  if (blocks.some((consent) => practitionerOf(consent) === practitionerId)) return false;
  await repo.transaction(async (scope) => {
    await scope.create<Consent>(aBlock({ patientId, practitionerId, dateTime: repo.now().toISOString() }));
    await endSessionEmergencies(scope.tx, patientId, `Practitioner/${practitionerId}`);
  });
  return true;
}
