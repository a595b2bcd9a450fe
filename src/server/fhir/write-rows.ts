import "@/server/server-only";
import type { Resource } from "@medplum/fhirtypes";
import type { ResourceFacts } from "../access/facts";
import type { TransactionClient } from "../db/generated/prisma/internal/prismaNamespace";
import { extractColumns } from "./columns";
import type { ResourceRow } from "./resource-row";

/**
 * The SQL of writing a version: the current row (with its indexed columns) and the same
 * version in the history table, inside the caller's transaction.
 */
export async function writeVersion(
tx: TransactionClient,
  resource: Resource,
  facts: ResourceFacts,
  versionId: number,
  now: Date,
  indexText: string | undefined,
  isNew: boolean,
) {
  const c = extractColumns(resource);
  const searchText = [documentTitle(resource), indexText].filter(Boolean).join("\n") || null;
  const values = [
    resource.id, resource.resourceType, versionId, now.toISOString(), JSON.stringify(resource), facts.patientId ?? null,
    c.status, c.category, c.code, c.date?.toISOString() ?? null, c.author, c.actorRef, c.security, facts.prescriptionId ?? null, searchText,
  ];
  if (isNew) {
    await tx.$executeRawUnsafe(
      `INSERT INTO fhir_resource (id, resource_type, version_id, last_updated, content, patient_id, status, category, code, date, author, actor_ref, security, group_id, search_text)
       VALUES ($1::uuid, $2, $3, $4::timestamptz, $5::jsonb, $6::uuid, $7, $8, $9, $10::timestamptz, $11, $12, $13::text[], $14, $15)`,
      ...values,
    );
  } else {
    // Keep the text extracted from the file when an update does not bring it again.
    await tx.$executeRawUnsafe(
      `UPDATE fhir_resource SET resource_type = $2, version_id = $3, last_updated = $4::timestamptz, content = $5::jsonb,
         patient_id = $6::uuid, status = $7, category = $8, code = $9, date = $10::timestamptz, author = $11, actor_ref = $12,
         security = $13::text[], group_id = $14, search_text = COALESCE($16, search_text, $15)
       WHERE id = $1::uuid`,
      ...values,
      indexText === undefined ? null : searchText,
    );
  }
  await tx.$executeRawUnsafe(
    `INSERT INTO fhir_resource_history (id, version_id, resource_type, last_updated, deleted, content, patient_id)
     VALUES ($1::uuid, $2, $3, $4::timestamptz, FALSE, $5::jsonb, $6::uuid)`,
    resource.id, versionId, resource.resourceType, now.toISOString(), JSON.stringify(resource), facts.patientId ?? null,
  );
}

/**
 * A delete keeps the row, marked deleted, and records the tombstone as the last version. The
 * text indexed from the file goes: a deleted document is searched by no one.
 */
export async function writeTombstone(tx: TransactionClient, stored: ResourceRow, versionId: number, now: Date) {
  const content = { ...stored.content, meta: { ...stored.content.meta, versionId: String(versionId), lastUpdated: now.toISOString() } };
  await tx.$executeRawUnsafe(
    `UPDATE fhir_resource SET deleted = TRUE, version_id = $2, last_updated = $3::timestamptz, content = $4::jsonb, search_text = NULL WHERE id = $1::uuid`,
    stored.id,
    versionId,
    now.toISOString(),
    JSON.stringify(content),
  );
  await tx.$executeRawUnsafe(
    `INSERT INTO fhir_resource_history (id, version_id, resource_type, last_updated, deleted, content, patient_id)
     VALUES ($1::uuid, $2, $3, $4::timestamptz, TRUE, $5::jsonb, $6::uuid)`,
    stored.id,
    versionId,
    stored.resource_type,
    now.toISOString(),
    JSON.stringify(content),
    stored.patient_id,
  );
}

function documentTitle(resource: Resource): string | undefined {
  if (resource.resourceType !== "DocumentReference") return undefined;
  return [resource.description, resource.content?.[0]?.attachment?.title, resource.type?.text].filter(Boolean).join(" ");
}
