import "@/server/server-only";
import { createHash } from "node:crypto";
import { open, seal } from "../crypto/aes-gcm";
import type { TransactionClient } from "../db/generated/prisma/internal/prismaNamespace";
import type { SqlDriver } from "../db/sql-driver";
import { secrets } from "../secrets";

/**
 * Where file bytes live: PostgreSQL, encrypted with AES-256-GCM under the storage key, the
 * file's id bound as associated data (a row's bytes copied onto another row fail to decrypt).
 * Only the repository calls it, after the access decision on the file's document. An
 * S3-compatible store would implement the same functions.
 */
export type StoredFile = { bytes: Buffer; contentType: string; size: number; sha256: string };

/**
 * A file's bytes, sealed and stored before the transaction that creates its document, which
 * then claims them (claimStagedFile). Why not inside that transaction: the transaction is
 * Prisma's, and Prisma's client turns a `Bytes` value into base64 and back on its way to the
 * driver; a 20 MB file cost the server 270 MB of memory and 0.7 s of its only thread there,
 * and even as a base64 text parameter its JSON parse held 100 MB of strings per upload, which
 * a capped heap could not take four times over. Plain SQL sends the bytes as they are: 20 MB
 * and 0.2 s (issue 16, upload memory probe). The staged row is reachable by nobody: a file is
 * read only through its Binary resource, created with the document. A document that fails
 * discards it (discardStagedFile), and purgeExpired() removes any left by a crash in between.
 */
export type StagedFile = {
  id: string;
  patientId: string;
  contentType: string;
  size: number;
  /** FHIR's Attachment.hash: the base64 SHA-1 of the bytes. */
  sha1: string;
  sha256: string;
};

export async function stageFile(sql: Pick<SqlDriver, "query">, id: string, patientId: string, bytes: Buffer, contentType: string): Promise<StagedFile> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const sha1 = createHash("sha1").update(bytes).digest("base64");
  const sealed = seal(bytes, secrets().storageKey, id);
  await sql.query(
    `INSERT INTO binary_content (id, patient_id, content_type, size, sha256, iv, auth_tag, data) VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6, $7, $8)`,
    [id, patientId, contentType, bytes.length, sha256, sealed.iv, sealed.authTag, sealed.data],
  );
  return { id, patientId, contentType, size: bytes.length, sha1, sha256 };
}

/**
 * In the document's transaction: the staged bytes are there, for this patient, and no Binary
 * has them yet (a staged file serves one document). Throws otherwise, which rolls the document back.
 */
export async function claimStagedFile(tx: TransactionClient, file: StagedFile): Promise<void> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT c.id::text AS id FROM binary_content c
      WHERE c.id = $1::uuid AND c.patient_id = $2::uuid
        AND NOT EXISTS (SELECT 1 FROM fhir_resource b WHERE b.id = c.id AND b.resource_type = 'Binary')`,
    file.id,
    file.patientId,
  );
  if (rows.length !== 1) throw new Error(`staged file ${file.id} is missing or already claimed`);
}

/** After the document's transaction failed: its staged bytes go, unless a Binary claimed them after all. */
export async function discardStagedFile(sql: Pick<SqlDriver, "query">, file: StagedFile): Promise<void> {
  await sql.query(
    `DELETE FROM binary_content c WHERE c.id = $1::uuid
        AND NOT EXISTS (SELECT 1 FROM fhir_resource b WHERE b.id = c.id AND b.resource_type = 'Binary')`,
    [file.id],
  );
}

type FileRow = { content_type: string; size: number; sha256: string; iv: Uint8Array; auth_tag: Uint8Array; data: Uint8Array };

/**
 * A file's bytes, decrypted. Read with plain SQL rather than Prisma, whose client rebuilt a
 * 20 MB value byte by byte on PGlite (2.4 s against 0.2 s) and held 160 MB more on a server.
 * On a connection of its own (a session): up to 20 MB on one of the connections where every
 * page's reads are pipelined would hold them up while it is sent (src/server/db/pipelined-reads.ts).
 */
export async function getFile(sql: Pick<SqlDriver, "session">, id: string, patientId: string): Promise<StoredFile | undefined> {
  const [row] = await sql.session((conn) =>
    conn.query<FileRow>(`SELECT content_type, size, sha256, iv, auth_tag, data FROM binary_content WHERE id = $1::uuid AND patient_id = $2::uuid`, [id, patientId]),
  );
  if (!row) return undefined;
  const bytes = open({ iv: asBuffer(row.iv), authTag: asBuffer(row.auth_tag), data: asBuffer(row.data) }, secrets().storageKey, id);
  return { bytes, contentType: row.content_type, size: row.size, sha256: row.sha256 };
}

/** node-postgres gives a Buffer, PGlite a Uint8Array (src/server/db/pglite-bytea.ts): a view either way, no copy. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
