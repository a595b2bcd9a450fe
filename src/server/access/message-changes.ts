import type { Communication } from "@medplum/fhirtypes";
import { mayStillWithdraw } from "@/lib/messages/message-rules";
import type { Actor } from "./actor";
import { canonical } from "./canonical-json";
import type { Reason } from "./decision";

/**
 * What a stored message may still become, whoever asks and through whichever door (pages, FHIR
 * API): a message is never edited. Two changes only:
 * - its read receipt: `received` set once, by someone who did not send it;
 * - its withdrawal by its sender within five minutes: status entered-in-error, payload gone
 *   (the text and the attachment are no longer in the current version for anyone), and its
 *   subject with it or kept.
 * Pure; the repository checks every update of a Communication against the stored version.
 */
export function messageChangeRefusal(actor: Actor, stored: Communication, next: Communication, now: Date): Reason | undefined {
  if (actor.kind === "system") return undefined;
  if (canonical(frozenPart(stored)) !== canonical(frozenPart(next))) return "message-immutable";
  const isSender = stored.sender?.reference === senderRefOf(actor);
  if (stored.status !== next.status) {
    // Its subject may go with its text (withdraw-message.ts), never change into another.
    const subjectKept = next.topic === undefined || canonical(next.topic) === canonical(stored.topic ?? null);
    const withdrawal = stored.status === "completed" && next.status === "entered-in-error" && (next.payload ?? []).length === 0 && subjectKept;
    if (!withdrawal || next.received !== stored.received) return "message-immutable";
    if (!isSender) return "not-sender";
    return mayStillWithdraw(stored.sent, now) ? undefined : "withdraw-late";
  }
  if (canonical(stored.payload ?? []) !== canonical(next.payload ?? [])) return "message-immutable";
  if (canonical(stored.topic ?? null) !== canonical(next.topic ?? null)) return "message-immutable";
  if (next.received === stored.received) return undefined;
  // A read receipt is written once, by the other side, and is not a date to come.
  const at = next.received ? Date.parse(next.received) : Number.NaN;
  if (stored.received || isSender || stored.status !== "completed" || !Number.isFinite(at) || at > now.getTime() + 60_000) {
    return "message-immutable";
  }
  return undefined;
}

/** Who a message written by this actor is from: the caregiver or guardian themself, not the patient. */
export function senderRefOf(actor: Actor): string | undefined {
  switch (actor.kind) {
    case "patient":
      return `Patient/${actor.patientId}`;
    case "guardian":
    case "delegate":
      return `RelatedPerson/${actor.relatedPersonId}`;
    case "practitioner":
      return `Practitioner/${actor.practitionerId}`;
    case "link":
    case "system":
      return undefined;
  }
}

function frozenPart(message: Communication): Omit<Communication, "meta" | "received" | "status" | "payload" | "topic"> {
  const { meta: _meta, received: _received, status: _status, payload: _payload, topic: _topic, ...rest } = message;
  return rest;
}
