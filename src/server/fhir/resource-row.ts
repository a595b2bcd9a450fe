import type { Resource } from "@medplum/fhirtypes";
import type { ResourceFacts } from "../access/facts";
import type { Queryable } from "../db/queryable";
import { confidentialityOf } from "./columns";
import { isUuid } from "./ids";

/** A row of fhir_resource as the repository reads it. */
export type ResourceRow = {
  id: string;
  resource_type: string;
  version_id: number;
  deleted: boolean;
  content: Resource;
  patient_id: string | null;
  author: string | null;
  actor_ref: string | null;
  security: string[] | null;
  group_id: string | null;
};

export const ROW_COLUMNS = "id, resource_type, version_id, deleted, content, patient_id, author, actor_ref, security, group_id";

/** A row of fhir_resource under `alias` as one JSON object of ROW_COLUMNS: a ResourceRow once parsed, for a row read inside another statement. */
export function rowJsonSql(alias: string): string {
  return `json_build_object(${ROW_COLUMNS.split(", ").map((column) => `'${column}', ${alias}.${column}`).join(", ")})`;
}

export function factsOfRow(row: ResourceRow): ResourceFacts {
  const security = row.security ?? [];
  return {
    resourceType: row.resource_type,
    // A file is governed by its document: hiding the document hides the file.
    id: row.resource_type === "Binary" ? row.actor_ref?.replace(/^DocumentReference\//, "") : row.id,
    patientId: row.patient_id ?? undefined,
    confidentiality: confidentialityOf(security),
    labels: security,
    author: row.author ?? undefined,
    prescriptionId: row.group_id ?? undefined,
    participant: row.resource_type === "Communication" ? (row.actor_ref ?? undefined) : undefined,
  };
}

/** The stored row of a resource, locked for the transaction when `lock` (writes); no access decision. */
export async function loadRow(
  db: Queryable,
  type: string,
  id: string,
  lock = false,
): Promise<ResourceRow | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await db.query<ResourceRow>(
    `SELECT ${ROW_COLUMNS} FROM fhir_resource WHERE id = $1::uuid AND resource_type = $2${lock ? " FOR UPDATE" : ""}`,
    [id, type],
  );
  return rows[0];
}
