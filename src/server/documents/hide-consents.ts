import "@/server/server-only";
import type { Consent } from "@medplum/fhirtypes";
import type { Repository } from "../fhir/repository";
import { MAX_COUNT, MAX_OFFSET } from "../fhir/search-request";

/**
 * The patient's active "hide" Consents that name this document, read to the last one. A patient
 * hides documents one by one, so 10,100 of them (the store's deepest page) is far past any real
 * record; past it this fails loudly rather than miss a Consent (a document would then stay
 * hidden, or be hidden twice, without anyone being told).
 */
export async function hideConsentsOf(repo: Repository, patientId: string, documentId: string): Promise<Consent[]> {
  const target = `DocumentReference/${documentId}`;
  const found: Consent[] = [];
  for (let offset = 0; ; offset += MAX_COUNT) {
    const page = await repo.search<Consent>("Consent", { patientId, category: ["hide"], status: ["active"], count: MAX_COUNT, offset });
    found.push(...page.resources.filter((c) => (c.provision?.data ?? []).some((d) => d.reference?.reference === target)));
    if (!page.hasMore) return found;
    if (offset + MAX_COUNT > MAX_OFFSET) throw new Error(`Plus de ${MAX_OFFSET + MAX_COUNT} documents masqués : lecture incomplète refusée.`);
  }
}
