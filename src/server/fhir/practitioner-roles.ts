import "@/server/server-only";
import type { PractitionerRole } from "@medplum/fhirtypes";
import type { Queryable } from "../db/queryable";

/** A professional's roles from the directory (what they practise, where), live ones and ended. */
export async function rolesOfPractitioner(db: Queryable, practitionerId: string): Promise<PractitionerRole[]> {
  const rows = await db.query<{ content: PractitionerRole }>(
    `SELECT content FROM fhir_resource
      WHERE resource_type = 'PractitionerRole' AND NOT deleted AND content->'practitioner'->>'reference' = $1
      LIMIT 100`,
    [`Practitioner/${practitionerId}`],
  );
  return rows.map((row) => row.content);
}
