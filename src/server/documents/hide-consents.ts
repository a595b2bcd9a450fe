import "server-only";
import type { Consent } from "@medplum/fhirtypes";
import type { Repository } from "../fhir/repository";

/** The patient's active "hide" Consents that name this document. */
export async function hideConsentsOf(repo: Repository, patientId: string, documentId: string): Promise<Consent[]> {
  const target = `DocumentReference/${documentId}`;
  const found: Consent[] = [];
  // A patient hides documents one by one; pages of 100 cover thousands of hidden documents.
  for (let offset = 0; offset <= 10_000; offset += 100) {
    const page = await repo.search<Consent>("Consent", { patientId, category: ["hide"], status: ["active"], count: 100, offset });
    found.push(...page.resources.filter((c) => (c.provision?.data ?? []).some((d) => d.reference?.reference === target)));
    if (!page.hasMore) break;
  }
  return found;
}
