import "@/server/server-only";
import type { Communication, HumanName } from "@medplum/fhirtypes";
import { formatHumanName } from "@/lib/fhir/human-name";
import type { Actor } from "../access/actor";
import type { Queryable } from "../db/queryable";
import { loadRow } from "./resource-row";

/**
 * The name a message is shown under, written by the server from stored identities when the
 * message is created, never from the request: "Camille Martin pour Jean Martin" for a caregiver
 * or guardian (the sender is their RelatedPerson, the patient the subject), the patient's or the
 * professional's own name otherwise. The recipient then reads who wrote without being allowed
 * to read the patient's delegations.
 */
export async function nameSender(db: Queryable, actor: Actor, message: Communication, patientId: string | undefined): Promise<void> {
  if (!message.sender?.reference) return;
  const nameOf = async (type: string, id: string | undefined): Promise<string | undefined> => {
    const row = id ? await loadRow(db, type, id) : undefined;
    return row && !row.deleted ? formatHumanName((row.content as { name?: HumanName[] }).name) : undefined;
  };
  let display: string | undefined;
  switch (actor.kind) {
    case "patient":
      display = await nameOf("Patient", actor.patientId);
      break;
    case "guardian":
    case "delegate": {
      const agent = (await nameOf("RelatedPerson", actor.relatedPersonId)) ?? (await nameOf("Patient", actor.selfPatientId)) ?? "Un proche";
      const patient = (await nameOf("Patient", patientId)) ?? "le patient";
      display = `${agent} pour ${patient}`;
      break;
    }
    case "practitioner":
      display = await nameOf("Practitioner", actor.practitionerId);
      break;
    default:
      return;
  }
  message.sender = display ? { reference: message.sender.reference, display } : { reference: message.sender.reference };
}
