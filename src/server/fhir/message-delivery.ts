import "@/server/server-only";
import type { Communication } from "@medplum/fhirtypes";
import type { AttachmentBar } from "@/lib/messages/attachment-bars";
import { hasVisibleText, isMessageSubject, MESSAGE_MAX_ATTACHMENTS, MESSAGE_MAX_LENGTH, SUBJECT_MAX_LENGTH } from "@/lib/messages/message-rules";
import type { Actor, GuardianActor, PractitionerActor } from "../access/actor";
import { delegationIsLive } from "../access/applicable-delegation";
import { decide } from "../access/decide";
import type { Reason } from "../access/decision";
import type { ResourceFacts } from "../access/facts";
import type { PatientRules } from "../access/rules";
import type { Queryable } from "../db/queryable";
import { conversationIdOfMessage, conversationTakenElsewhere } from "./conversation-owner";
import { isUuid } from "./ids";
import { unprocessable } from "./errors";
import { factsOfRow, loadRow } from "./resource-row";

/**
 * Before a message is written (whoever writes it, pages or FHIR API): it must reach someone who
 * may read it, and carry only what that person may see. A conversation is between the patient's
 * side and one professional, who must be let in by the patient's rules now (not blocked, access
 * not ended, and not by break-glass); each attached document must be one of this patient's
 * that the sender sees and the professional may see under the same rules (not hidden, not
 * above their level, not secret). A professional's attachment in a minor's conversation must
 * also be one the minor's guardians may see, as they read it (conversationReader). Otherwise
 * nothing is written and the sender is told why, in plain words. Only plain text and document
 * references travel: no inline files, no markup. A conversation id already used by another
 * patient or another professional is refused (conversation-owner.ts).
 */
export async function refuseUndeliverable(
  db: Queryable,
  actor: Actor,
  message: Communication,
  facts: ResourceFacts,
  rules: PatientRules,
  now: Date,
): Promise<void> {
  const participant = facts.participant?.replace(/^Practitioner\//, "");
  if (!participant || !facts.patientId) throw refusal("Un message s'adresse à un professionnel de santé.", "destinataire");
  const professional = conversationProfessional(participant);
  if (!decide(professional, "read", facts, rules, now).allow) {
    throw refusal("Ce professionnel ne peut pas recevoir de message : il n'a pas accès à votre dossier.", "destinataire");
  }
  // A conversation is this patient's with this professional: another record's message in it
  // would be taken for the thread's, and the professional's reply written there.
  const conversationId = conversationIdOfMessage(message);
  // A conversation's id is one the portal made (newConversationId, a UUID): the pages open no
  // other (read-conversation.ts), and it is put as it is into the professional's inbox link and
  // notice. « ../../compte », posted through the FHIR API by a patient, took Dr Bernard from his
  // inbox and from the notice to a page the patient chose, and her message could never be opened
  // (found by an attack round on the running portal).
  if (conversationId !== undefined && !isUuid(conversationId)) throw refusal("Cette conversation est introuvable.", "identifier");
  if (conversationId && (await conversationTakenElsewhere(db, conversationId, facts.patientId, `Practitioner/${participant}`))) {
    throw refusal("Cette conversation est introuvable.", "identifier");
  }
  // The form's rule of a subject, whatever the door (message-rules.ts). FHIR's own string type
  // lets line breaks through, and no length bound.
  const topic = message.topic;
  if (topic && (topic.coding !== undefined || typeof topic.text !== "string" || !isMessageSubject(topic.text))) {
    throw refusal(`L'objet tient sur une ligne de ${SUBJECT_MAX_LENGTH} caractères au plus.`, "topic");
  }
  const payload = message.payload ?? [];
  if (payload.filter((part) => part.contentString === undefined).length > MESSAGE_MAX_ATTACHMENTS || payload.length > 1 + MESSAGE_MAX_ATTACHMENTS) {
    throw refusal(`Un message porte un texte et au plus ${MESSAGE_MAX_ATTACHMENTS} documents joints.`, "payload");
  }
  for (const part of payload) {
    if (part.contentString !== undefined) {
      if (!hasVisibleText(part.contentString) || part.contentString.length > MESSAGE_MAX_LENGTH) {
        throw refusal(`Le message doit contenir entre 1 et ${MESSAGE_MAX_LENGTH} caractères.`, "payload");
      }
      continue;
    }
    const reference = part.contentReference?.reference ?? "";
    const documentId = /^DocumentReference\/([0-9a-f-]{36})$/i.exec(reference)?.[1];
    if (!documentId) throw refusal("Une pièce jointe est un document du dossier.", "payload");
    const row = await loadRow(db, "DocumentReference", documentId);
    const document = row && !row.deleted && row.patient_id === facts.patientId ? factsOfRow(row) : undefined;
    if (!document || !decide(actor, "read", document, rules, now).allow) throw refusal("Ce document est introuvable.", "payload");
    const seen = decide(professional, "read", document, rules, now);
    if (!seen.allow) {
      throw refusal("Ce document ne peut pas être joint : le destinataire n'a pas le droit de le voir.", "payload", { documentId, bar: barOf(seen.reason) });
    }
    const guardian = actor.kind === "practitioner" ? guardianReader(rules, now) : undefined;
    if (guardian && !decide(guardian, "read", document, rules, now).allow) {
      throw refusal("Ce document ne peut pas être joint : ce patient mineur a demandé le secret à son sujet, et ses représentants légaux lisent cette conversation.", "payload", { documentId, bar: "secret-mineur" });
    }
  }
}

/**
 * Who, on the other side of a conversation, must be able to see a document attached to it, for
 * the reply form to offer only those (message-page-data.ts), as the check above lets them through:
 * to the patient's side, its professional; to a professional writing, a minor's guardians, if
 * the patient has any. Undefined: no one but the writer to account for.
 */
export function conversationReader(writer: Actor, practitionerId: string | undefined, rules: PatientRules, now: Date): Actor | undefined {
  if (writer.kind === "practitioner") return guardianReader(rules, now);
  return practitionerId ? conversationProfessional(practitionerId) : undefined;
}

/**
 * A minor's guardians read the conversations of the minor's space, but not what the minor keeps
 * secret from them (Code de la santé publique, art. L1111-5; agent-decision.ts): an attachment
 * a guardian may not open would still tell them that there is one. Any live guardian stands for
 * them all: the rules let every guardian read the same. Undefined when no guardianship is live
 * (an adult, or a minor's guardianship ended).
 */
function guardianReader(rules: PatientRules, now: Date): GuardianActor | undefined {
  const live = rules.delegations.find((delegation) => delegation.kind === "guardian" && delegationIsLive(delegation, now));
  return live ? { kind: "guardian", accountId: "", selfPatientId: live.agentPatientId, patientId: rules.patientId, relatedPersonId: live.relatedPersonId } : undefined;
}

/**
 * The professional of a conversation as the reader of what is sent there: under the patient's
 * standing rules, never under a break-glass of theirs. The one actor both the check above and the
 * reply form's choice of documents (message-page-data.ts) decide for, so that the form offers
 * exactly what this check lets through.
 */
export function conversationProfessional(practitionerId: string): PractitionerActor {
  return { kind: "practitioner", accountId: "", practitionerId };
}

/** The code system of a refused attachment's reason, in its OperationOutcome issue's details. */
export const ATTACHMENT_BAR_SYSTEM = "https://espace-sante.example/fhir/CodeSystem/attachment-bar";

/** decide()'s reason, as the sender is told it (attachment-bars.ts). */
function barOf(reason: Reason): AttachmentBar {
  return reason === "hidden" ? "masque" : reason === "confidentiality" ? "restreint" : reason === "secret" ? "secret" : "autre";
}

/** The refusal as an OperationOutcome; a refused attachment names its document and why (its issue's details). */
function refusal(message: string, field: string, attachment?: { documentId: string; bar: AttachmentBar }) {
  const details = attachment ? { details: { coding: [{ system: ATTACHMENT_BAR_SYSTEM, code: attachment.bar }], text: `DocumentReference/${attachment.documentId}` } } : {};
  return unprocessable(message, [{ severity: "error", code: "business-rule", diagnostics: message, expression: [`Communication.${field}`], ...details }]);
}
