import "@/server/server-only";
import type { DocumentReference } from "@medplum/fhirtypes";
import { forbidden } from "../fhir/errors";
import type { Repository } from "../fhir/repository";
import { hideConsentsOf } from "./hide-consents";
import { mayManagePrivacy } from "./privacy-rights";

/**
 * Shows a hidden document again to the professionals the patient authorised: the "hide"
 * Consents naming it are deleted (tombstones, so the history keeps the choice), or narrowed
 * when one hid several documents at once.
 */
export async function showDocument(repo: Repository, documentId: string): Promise<void> {
  const document = await repo.read<DocumentReference>("DocumentReference", documentId);
  const patientId = document.subject?.reference?.replace(/^Patient\//, "") ?? "";
  if (!(await mayManagePrivacy(repo, patientId))) throw forbidden();
  const target = `DocumentReference/${documentId}`;
  for (const consent of await hideConsentsOf(repo, patientId, documentId)) {
    const others = (consent.provision?.data ?? []).filter((d) => d.reference?.reference !== target);
    if (others.length === 0) {
      await repo.delete("Consent", consent.id ?? "");
    } else {
      await repo.update({ ...consent, provision: { ...consent.provision, data: others } }, { ifMatch: consent.meta?.versionId });
    }
  }
}
