import type { Resource } from "@medplum/fhirtypes";
import type { Database } from "@/server/db/client";
import { extractColumns, patientIdOf } from "@/server/fhir/columns";

/**
 * Thousands of resources in one statement, with the columns the repository would extract, for
 * tests that need data past a size limit (through the repository, 6,000 writes take minutes on
 * these machines). Only for resources with no file and no history to read.
 */
export async function insertResources(db: Database, resources: Resource[], groupIdOf: (r: Resource) => string | null = () => null): Promise<void> {
  const now = new Date().toISOString();
  for (let start = 0; start < resources.length; start += 1000) {
    const rows = resources.slice(start, start + 1000).map((resource) => {
      const c = extractColumns(resource);
      return {
        id: resource.id,
        type: resource.resourceType,
        content: resource,
        patient: patientIdOf(resource),
        status: c.status,
        category: c.category,
        code: c.code,
        date: c.date?.toISOString() ?? null,
        author: c.author,
        actor: c.actorRef,
        security: c.security,
        group: groupIdOf(resource),
      };
    });
    await db.sql.query(
      `INSERT INTO fhir_resource (id, resource_type, version_id, last_updated, content, patient_id, status, category, code, date, author, actor_ref, security, group_id)
       SELECT (r->>'id')::uuid, r->>'type', 1, $2::timestamptz, r->'content', (r->>'patient')::uuid, r->>'status', r->>'category', r->>'code',
              (r->>'date')::timestamptz, r->>'author', r->>'actor', ARRAY(SELECT jsonb_array_elements_text(r->'security')), r->>'group'
         FROM jsonb_array_elements($1::jsonb) AS r`,
      [JSON.stringify(rows), now],
    );
    await db.sql.query(
      `INSERT INTO fhir_resource_history (id, version_id, resource_type, last_updated, deleted, content, patient_id)
       SELECT (r->>'id')::uuid, 1, r->>'type', $2::timestamptz, FALSE, r->'content', (r->>'patient')::uuid FROM jsonb_array_elements($1::jsonb) AS r`,
      [JSON.stringify(rows), now],
    );
  }
}
