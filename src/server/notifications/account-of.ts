import "@/server/server-only";
import type { Queryable } from "../db/queryable";

/**
 * The account bound to a FHIR identity ("Practitioner/<id>"), for a notice addressed to a
 * professional (their notifications are their account's). Read in the transaction of the event.
 */
export async function accountOf(db: Queryable, fhirRef: string): Promise<string | undefined> {
  const rows = await db.query<{ id: string }>("SELECT id FROM account WHERE fhir_ref = $1 AND NOT disabled LIMIT 1", [fhirRef]);
  return rows[0]?.id;
}
