import "server-only";
import { createHash } from "node:crypto";
import { open, seal } from "../crypto/aes-gcm";
import type { TransactionClient } from "../db/generated/prisma/internal/prismaNamespace";
import type { Database } from "../db/client";
import { secrets } from "../secrets";

type Db = Database["prisma"] | TransactionClient;

/**
 * Where file bytes live: PostgreSQL, encrypted with AES-256-GCM under the storage key, the
 * file's id bound as associated data (a row's bytes copied onto another row fail to decrypt).
 * Only the repository calls it, after the access decision on the file's document. An
 * S3-compatible store would implement the same two functions.
 */
export type StoredFile = { bytes: Buffer; contentType: string; size: number; sha256: string };

export async function putFile(db: Db, id: string, patientId: string, bytes: Buffer, contentType: string): Promise<StoredFile> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const sealed = seal(bytes, secrets().storageKey, id);
  await db.binaryContent.create({
    data: {
      id,
      patientId,
      contentType,
      size: bytes.length,
      sha256,
      iv: new Uint8Array(sealed.iv),
      authTag: new Uint8Array(sealed.authTag),
      data: new Uint8Array(sealed.data),
    },
  });
  return { bytes, contentType, size: bytes.length, sha256 };
}

export async function getFile(db: Db, id: string, patientId: string): Promise<StoredFile | undefined> {
  const row = await db.binaryContent.findFirst({ where: { id, patientId } });
  if (!row) return undefined;
  const bytes = open(
    { iv: Buffer.from(row.iv), authTag: Buffer.from(row.authTag), data: Buffer.from(row.data) },
    secrets().storageKey,
    id,
  );
  return { bytes, contentType: row.contentType, size: row.size, sha256: row.sha256 };
}
