import "@/server/server-only";
import type { Repository } from "../fhir/repository";

/**
 * Deletes a document the patient (or someone acting for them) added. What a professional wrote
 * cannot be deleted from the patient's side: decide() refuses it (403, since the patient can see
 * it). The delete is a tombstone: the file's bytes are erased in the same transaction, and from
 * then on only the patient sees the versions and the deletion in their history (seesDeleted).
 */
export async function deleteOwnDocument(repo: Repository, documentId: string, ifMatch?: string): Promise<void> {
  await repo.delete("DocumentReference", documentId, { ifMatch });
}
