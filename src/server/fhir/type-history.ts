import "@/server/server-only";
import type { Resource } from "@medplum/fhirtypes";
import type { Queryable } from "../db/queryable";

/**
 * Every version of one patient's resources of one type, newest first, a page at a time (the
 * history of their sharing choices). The access decision is the repository's.
 */
export type TypeVersion = { resource: Resource; versionId: number; lastUpdated: Date; deleted: boolean };

export async function versionsOfType(db: Queryable, patientId: string, type: string, limit: number, offset: number): Promise<TypeVersion[]> {
  const rows = await db.query<{ content: Resource; version_id: number; last_updated: Date; deleted: boolean }>(
    `SELECT content, version_id, last_updated, deleted FROM fhir_resource_history
      WHERE patient_id = $1::uuid AND resource_type = $2
      ORDER BY last_updated DESC, id, version_id DESC LIMIT $3 OFFSET $4`,
    [patientId, type, limit, offset],
  );
  return rows.map((row) => ({ resource: row.content, versionId: row.version_id, lastUpdated: new Date(row.last_updated), deleted: row.deleted }));
}
