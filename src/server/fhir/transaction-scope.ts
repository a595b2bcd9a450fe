import type { DocumentReference, Resource } from "@medplum/fhirtypes";
import type { Interaction } from "../access/facts";
import type { AuditEntry } from "../audit/audit-entry";
import type { TransactionClient } from "../db/generated/prisma/internal/prismaNamespace";
import type { Queryable } from "../db/queryable";
import type { StagedFile } from "./file-store";

/** A file's bytes as received; the repository stages them itself (file-store.ts). */
export type FileBytes = { bytes: Buffer; contentType: string };

/** What goes with a document's creation: its words for search, and what must commit with it (its notification). */
export type CreateDocumentOptions = { indexText?: string; alsoInTransaction?: (db: Queryable, document: DocumentReference) => Promise<void> };

/** What a use case may do inside Repository.transaction(): its own SQL on `tx`, and the actor's writes. */
export type TransactionScope = {
  tx: TransactionClient;
  create<T extends Resource>(resource: T): Promise<T>;
  /**
   * A document and its file, committed (or not) with whatever else the scope writes: a message it
   * is attached to. The file is staged before the transaction opens (Repository.stageFile).
   */
  createDocument(input: DocumentReference, file: StagedFile, options?: CreateDocumentOptions): Promise<DocumentReference>;
  update<T extends Resource>(resource: T, options?: { ifMatch?: string }): Promise<T>;
  setStatus(type: string, id: string, status: string, interaction: Interaction): Promise<void>;
  audit(entry: AuditEntry): Promise<void>;
};
