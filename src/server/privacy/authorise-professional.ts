import "@/server/server-only";
import type { Consent, Practitioner } from "@medplum/fhirtypes";
import { SYSTEMS } from "@/lib/fhir/systems";
import { anAuthorisation } from "@/lib/fhir/builders/rules";
import type { Repository } from "../fhir/repository";
import { activeConsents, practitionerOf } from "./active-consents";
import { privacySpace } from "./privacy-space";
import { blockedFirst, endNotAhead } from "./sharing-refusal";

/**
 * "Autoriser un professionnel": at a level (normal documents, or normal and restricted) until
 * an optional end. A professional already authorised keeps one Consent, and the change is a
 * new version of it, so the history reads "authorised on 3 March, changed on 5 May". A blocked
 * professional is not authorised: the block would win anyway, and the page says to lift it first.
 */
export type AuthoriseInput = { practitionerId: string; restricted: boolean; until?: Date };

export async function authoriseProfessional(repo: Repository, input: AuthoriseInput): Promise<"authorised" | "changed"> {
  const patientId = await privacySpace(repo);
  // A professional who is not in the directory answers 404 like anything else that does not exist.
  await repo.read<Practitioner>("Practitioner", input.practitionerId);
  const blocks = await activeConsents(repo, patientId, "block");
  if (blocks.some((consent) => practitionerOf(consent) === input.practitionerId)) {
    throw blockedFirst();
  }
  if (input.until && input.until.getTime() <= repo.now().getTime()) throw endNotAhead();
  const now = repo.now().toISOString();
  const provisionOf = (consent: Consent): Consent["provision"] => ({
    ...consent.provision,
    type: "permit",
    period: input.until ? { start: consent.provision?.period?.start ?? now, end: input.until.toISOString() } : undefined,
    securityLabel: input.restricted ? [{ system: SYSTEMS.confidentiality, code: "R" }] : undefined,
  });
  const existing = (await activeConsents(repo, patientId, "authorise")).filter((consent) => practitionerOf(consent) === input.practitionerId);
  const [current, ...duplicates] = existing;
  if (current) {
    await repo.update<Consent>({ ...current, dateTime: now, provision: provisionOf(current) }, { ifMatch: current.meta?.versionId });
    // Older duplicates (from before one Consent per professional) would keep their own level: withdrawn.
    for (const duplicate of duplicates) await repo.update<Consent>({ ...duplicate, status: "inactive" }, { ifMatch: duplicate.meta?.versionId });
    return "changed";
  }
  const consent = anAuthorisation({ patientId, practitionerId: input.practitionerId, dateTime: now, restricted: input.restricted, until: input.until?.toISOString() });
  await repo.create<Consent>({ ...consent, provision: provisionOf(consent) });
  return "authorised";
}
