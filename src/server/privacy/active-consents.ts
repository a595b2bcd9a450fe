import "@/server/server-only";
import type { Consent } from "@medplum/fhirtypes";
import type { ConsentRule } from "@/lib/fhir/systems";
import type { Repository } from "../fhir/repository";

/**
 * The patient's active Consents of one kind, through the repository (so read as the actor, and
 * audited), a page of 100 at a time until the last one: no ceiling on how many a patient keeps.
 */
export async function activeConsents(repo: Repository, patientId: string, rule: ConsentRule): Promise<Consent[]> {
  const found: Consent[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await repo.search<Consent>("Consent", { patientId, category: [rule], status: ["active"], count: 100, offset });
    found.push(...page.resources);
    if (!page.hasMore) return found;
  }
}

/** The practitioner a professional rule (authorise, block) names. */
export function practitionerOf(consent: Consent): string | undefined {
  const reference = consent.provision?.actor?.[0]?.reference?.reference;
  return reference?.startsWith("Practitioner/") ? reference.slice("Practitioner/".length) : undefined;
}
