import "@/server/server-only";
import type { Communication } from "@medplum/fhirtypes";
import { SYSTEMS } from "@/lib/fhir/systems";
import type { Queryable } from "../db/queryable";

/** The conversation a message names (its identifier of SYSTEMS.conversation, stored as group_id). */
export function conversationIdOfMessage(message: Communication): string | undefined {
  return (message.identifier ?? []).find((identifier) => identifier.system === SYSTEMS.conversation)?.value;
}

/**
 * Whether a conversation id was started by another patient with this professional, or by this
 * patient with another professional. A conversation is between one patient and one
 * professional, and each side finds it by its id alone: the professional's inbox by their
 * reference (practitioner-messages.ts), the patient's space by the record. A message of another
 * record in the thread made the professional take the thread for that record's and answer into
 * it. Its first message decides (as read-conversation.ts reads a thread), so that a thread
 * mixed before this check still takes its owner's messages and no one else's. Deleted and
 * withdrawn messages count: the id stays the thread's. Both reads go by an index
 * (resource_actor_idx, resource_patient_group_idx).
 */
export async function conversationTakenElsewhere(db: Queryable, conversationId: string, patientId: string, professionalRef: string): Promise<boolean> {
  const [first] = await db.query<{ patient: string | null; professional: string | null }>(
    `SELECT (SELECT patient_id::text FROM fhir_resource
              WHERE actor_ref = $3 AND resource_type = 'Communication' AND group_id = $1
              ORDER BY date NULLS LAST, id LIMIT 1) AS patient,
            (SELECT actor_ref FROM fhir_resource
              WHERE patient_id = $2::uuid AND group_id = $1 AND resource_type = 'Communication'
              ORDER BY date NULLS LAST, id LIMIT 1) AS professional`,
    [conversationId, patientId, professionalRef],
  );
  const otherPatient = first?.patient != null && first.patient !== patientId.toLowerCase();
  const otherProfessional = first?.professional != null && first.professional !== professionalRef;
  return otherPatient || otherProfessional;
}
