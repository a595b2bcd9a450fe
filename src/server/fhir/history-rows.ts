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

export type VersionPage = { versions: StoredVersion[]; total: number };

/**
 * One page of a resource's versions, newest first, tombstones included, and how many there are:
 * read in SQL by page like a search, so a resource updated thousands of times is never loaded
 * whole to answer one page.
 */
export async function versionsPage(db: Db, id: string, page: { offset: number; count: number }): Promise<VersionPage> {
  const rows = await db.query<{ content: Resource; deleted: boolean; version_id: number; total: number | string | bigint }>(
    `SELECT content, deleted, version_id, count(*) OVER () AS total FROM fhir_resource_history
      WHERE id = $1::uuid ORDER BY version_id DESC LIMIT $2 OFFSET $3`,
    [id, page.count, page.offset],
  );
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (rows.length === 0 && page.offset > 0) {
    // Past the end: the window function saw no row to count on.
    const [counted] = await db.query<{ n: number | string | bigint }>(`SELECT count(*) AS n FROM fhir_resource_history WHERE id = $1::uuid`, [id]);
    total = Number(counted?.n ?? 0);
  }
  return { versions: rows.map((r) => ({ resource: r.content, deleted: r.deleted, versionId: r.version_id })), total };
}

/** If-Match: a write based on another version than the stored one is refused (412), to lose no update. */
export function checkVersion(stored: { version_id: number }, ifMatch: string | undefined): void {
  if (ifMatch !== undefined && ifMatch !== String(stored.version_id)) throw preconditionFailed();
}
