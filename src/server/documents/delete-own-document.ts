import "server-only";
import type { Repository } from "../fhir/repository";

/**
 * Deletes a document the patient (or someone acting for them) added. What a professional wrote
 * cannot be deleted from the patient's side: decide() refuses it (403, since the patient can see
 * it). The delete is a tombstone: the history keeps every version and the deletion itself.
 */
export async function deleteOwnDocument(repo: Repository, documentId: string, ifMatch?: string): Promise<void> {
  await repo.delete("DocumentReference", documentId, { ifMatch });
}
