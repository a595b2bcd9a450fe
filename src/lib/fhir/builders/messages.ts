import type { Communication, CommunicationPayload } from "@medplum/fhirtypes";
import { SYSTEMS } from "@/lib/fhir/systems";
import { newId } from "./ids";

/**
 * A message of the secure messaging, as stored: a Communication in the patient's record
 * (subject), in a conversation (identifier of SYSTEMS.conversation, shared by all its messages),
 * with a plain-text payload and, for an attachment, a reference to a document of the record.
 * Sender, sending time and status are the server's for everyone but the system (prepare-write.ts).
 */
export type MessageInput = {
  patientId: string;
  conversationId: string;
  recipient: string;
  text: string;
  subject?: string;
  documentIds?: readonly string[];
  /** Only the system (seed, tests) names these; the server sets them for everyone else. */
  sender?: string;
  sent?: string;
  id?: string;
};

export function aMessage(input: MessageInput): Communication {
  const payload: CommunicationPayload[] = [{ contentString: input.text }];
  for (const id of input.documentIds ?? []) payload.push({ contentReference: { reference: `DocumentReference/${id}` } });
  return {
    resourceType: "Communication",
    ...(input.id ? { id: input.id } : {}),
    identifier: [{ system: SYSTEMS.conversation, value: input.conversationId }],
    status: "completed",
    subject: { reference: `Patient/${input.patientId}` },
    ...(input.subject ? { topic: { text: input.subject } } : {}),
    ...(input.sender ? { sender: { reference: input.sender } } : {}),
    recipient: [{ reference: input.recipient }],
    sent: input.sent ?? new Date().toISOString(),
    payload,
  };
}

export function newConversationId(): string {
  return newId();
}
