import "server-only";
import type { TransactionClient } from "../db/generated/prisma/internal/prismaNamespace";
import type { PrismaClient } from "../db/generated/prisma/client";

/**
 * The patients holding an "authorise" Consent that names this practitioner (indexed on
 * actor_ref). Candidates only: the repository then checks each patient's rules (a block, an
 * expired grant), so what is returned to the caller is what decide() allows.
 */
export async function authorisingPatientIds(db: PrismaClient | TransactionClient, practitionerId: string): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ patient_id: string }[]>(
    `SELECT DISTINCT patient_id FROM fhir_resource
      WHERE actor_ref = $1 AND resource_type = 'Consent' AND category = 'authorise' AND status = 'active'
        AND NOT deleted AND patient_id IS NOT NULL
      LIMIT 5000`,
    `Practitioner/${practitionerId}`,
  );
  return rows.map((row) => row.patient_id);
}
