import "@/server/server-only";
import type { Binary, Coding, DocumentReference } from "@medplum/fhirtypes";
import type { TransactionClient } from "../db/generated/prisma/internal/prismaNamespace";
import { inPrisma, type Queryable } from "../db/queryable";
import { factsOfRow, ROW_COLUMNS, type ResourceRow } from "./resource-row";
import { writeTombstone, writeVersion } from "./write-rows";

/**
 * A document's files (its Binary rows) carry the document's facts: the same patient, the same
 * confidentiality and privacy labels (Binary.meta.security), the same hidden state (decide()
 * reads a Binary's hidden state on its document, resource-row.ts), and they are deleted with it.
 * So whatever reaches a file by its own id (the FHIR API's Binary, a search, an audit entry
 * naming it) meets exactly the document's decision. Only the repository calls these, inside the
 * document's own write transaction.
 */
export const documentReferenceOf = (documentId: string) => `DocumentReference/${documentId}`;

/** The document id a Binary row belongs to (its securityContext, set at upload), if any. */
export function documentIdOfBinary(row: Pick<ResourceRow, "resource_type" | "actor_ref">): string | undefined {
  if (row.resource_type !== "Binary") return undefined;
  const match = /^DocumentReference\/([0-9a-f-]{36})$/.exec(row.actor_ref ?? "");
  return match?.[1];
}

/** The SQL of the same: the document id a Binary row names, as a uuid (NULL for anything else, which then matches no hidden id). */
export const BINARY_DOCUMENT_ID_SQL = `(CASE WHEN actor_ref ~ '^DocumentReference/[0-9a-f-]{36}$' THEN substring(actor_ref from 19)::uuid END)`;

/** The current (not deleted) Binary rows of a document, locked for the transaction. */
async function filesOf(db: Queryable, documentId: string): Promise<ResourceRow[]> {
  return db.query<ResourceRow>(
    `SELECT ${ROW_COLUMNS} FROM fhir_resource WHERE resource_type = 'Binary' AND actor_ref = $1 AND NOT deleted FOR UPDATE`,
    [documentReferenceOf(documentId)],
  );
}

/** A new version of each of the document's files with the document's labels (after setSecurityLabels). */
export async function relabelFilesOf(tx: TransactionClient, document: DocumentReference, labels: Coding[], now: Date): Promise<void> {
  for (const row of await filesOf(inPrisma(tx), document.id ?? "")) {
    const versionId = row.version_id + 1;
    const { meta: _meta, ...content } = row.content as Binary;
    const binary: Binary = {
      ...content,
      meta: { versionId: String(versionId), lastUpdated: now.toISOString(), ...(labels.length > 0 ? { security: labels } : {}) },
    };
    await writeVersion(tx, binary, factsOfRow(row), versionId, now, undefined, false);
  }
}

/**
 * Deleting a document deletes its files: each Binary becomes a tombstone and its bytes are
 * erased (the row removed), in the document's delete transaction. What remains is the trace:
 * the versions' metadata and the audit rows, never the content.
 */
export async function eraseFilesOf(tx: TransactionClient, documentId: string, now: Date): Promise<void> {
  for (const row of await filesOf(inPrisma(tx), documentId)) {
    await writeTombstone(tx, row, row.version_id + 1, now);
    await tx.$executeRawUnsafe(`DELETE FROM binary_content WHERE id = $1::uuid`, row.id);
  }
}
