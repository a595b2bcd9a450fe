import type { Resource } from "@medplum/fhirtypes";
import type { Queryable } from "../db/queryable";
import { preconditionFailed } from "./errors";

type Db = Queryable;

export type StoredVersion = { resource: Resource; deleted: boolean; versionId: number };

/** One version of a resource (vread); the access decision is the caller's. */
export async function versionRow(db: Db, id: string, versionId: number): Promise<{ content: Resource; deleted: boolean } | undefined> {
  const rows = await db.query<{ content: Resource; deleted: boolean }>(
    `SELECT content, deleted FROM fhir_resource_history WHERE id = $1::uuid AND version_id = $2`,
    [id, versionId],
  );
  return rows[0];
}

/** Every version of a resource, newest first, tombstones included. */
export async function allVersions(db: Db, id: string): Promise<StoredVersion[]> {
  const rows = await db.query<{ content: Resource; deleted: boolean; version_id: number }>(
    `SELECT content, deleted, version_id FROM fhir_resource_history WHERE id = $1::uuid ORDER BY version_id DESC`,
    [id],
  );
  return rows.map((r) => ({ resource: r.content, deleted: r.deleted, versionId: r.version_id }));
}

/** If-Match: a write based on another version than the stored one is refused (412), to lose no update. */
export function checkVersion(stored: { version_id: number }, ifMatch: string | undefined): void {
  if (ifMatch !== undefined && ifMatch !== String(stored.version_id)) throw preconditionFailed();
}
