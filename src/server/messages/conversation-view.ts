import "@/server/server-only";
import type { Communication } from "@medplum/fhirtypes";
import { SYSTEMS } from "@/lib/fhir/systems";
import { conversationTitle } from "@/lib/messages/conversation-title";
import { mayStillWithdraw } from "@/lib/messages/message-rules";
import type { Actor } from "../access/actor";
import { senderRefOf } from "../access/message-changes";

/**
 * A message as the pages show it. A withdrawn message keeps its place in the conversation
 * ("message retiré") but nothing of what it said: its stored version holds no payload any more.
 */
export type MessageView = {
  id: string;
  conversationId: string;
  patientId: string;
  senderName: string;
  /** Written by the patient's side (the patient, a guardian, a caregiver), not the professional. */
  fromPatientSide: boolean;
  /** Written by the person looking at it. */
  mine: boolean;
  sent?: string;
  received?: string;
  withdrawn: boolean;
  text?: string;
  documentIds: string[];
  subject?: string;
  mayWithdraw: boolean;
};

export type ConversationSummary = {
  id: string;
  patientId: string;
  /** The professional the conversation is with. */
  practitionerId?: string;
  subject?: string;
  /** Its subject, or its opening words (conversation-title.ts): what its link says. */
  title: string;
  lastSent?: string;
  lastSenderName: string;
  unread: number;
  count: number;
};

export function conversationIdOf(message: Communication): string | undefined {
  return message.identifier?.find((id) => id.system === SYSTEMS.conversation)?.value;
}

export function practitionerOf(message: Communication): string | undefined {
  const people = [message.sender?.reference, ...(message.recipient ?? []).map((r) => r.reference)];
  return people.find((ref) => ref?.startsWith("Practitioner/"))?.slice("Practitioner/".length);
}

export function toMessageView(message: Communication, actor: Actor, now: Date): MessageView {
  const sender = message.sender?.reference ?? "";
  const mine = sender !== "" && sender === senderRefOf(actor);
  const withdrawn = message.status === "entered-in-error";
  const payload = withdrawn ? [] : (message.payload ?? []);
  return {
    id: message.id ?? "",
    conversationId: conversationIdOf(message) ?? "",
    patientId: message.subject?.reference?.replace(/^Patient\//, "") ?? "",
    senderName: message.sender?.display ?? (sender.startsWith("Practitioner/") ? "Professionnel de santé" : "Espace santé"),
    fromPatientSide: !sender.startsWith("Practitioner/"),
    mine,
    sent: message.sent,
    received: message.received,
    withdrawn,
    text: payload.map((part) => part.contentString).find((text) => text !== undefined),
    documentIds: payload.flatMap((part) => {
      const id = part.contentReference?.reference?.replace(/^DocumentReference\//, "");
      return id ? [id] : [];
    }),
    subject: message.topic?.text,
    mayWithdraw: mine && !withdrawn && mayStillWithdraw(message.sent, now),
  };
}

/** A conversation's title from its messages, oldest first: the opening words are its first message's still there. */
export function titleOf(subject: string | undefined, views: MessageView[]): string {
  return conversationTitle({ subject, opening: views.find((view) => !view.withdrawn && view.text)?.text });
}

/** Whether the viewer has yet to read this message: from the other side, not withdrawn, no receipt. */
export function unreadBy(view: MessageView, viewerIsPractitioner: boolean): boolean {
  return !view.withdrawn && !view.received && view.fromPatientSide === viewerIsPractitioner;
}

/** Conversations from their messages (any order), the most recent first. */
export function summarise(messages: Communication[], actor: Actor, now: Date): ConversationSummary[] {
  const viewerIsPractitioner = actor.kind === "practitioner";
  const byConversation = new Map<string, Communication[]>();
  for (const message of messages) {
    const id = conversationIdOf(message);
    if (!id) continue;
    // Pushed, not copied: a conversation of 500 messages was copied 500 times.
    const list = byConversation.get(id);
    if (list) list.push(message);
    else byConversation.set(id, [message]);
  }
  const summaries = [...byConversation].map(([id, all]): ConversationSummary => {
    const ordered = [...all].sort((a, b) => (a.sent ?? "").localeCompare(b.sent ?? ""));
    const views = ordered.map((message) => toMessageView(message, actor, now));
    const last = views[views.length - 1];
    const subject = views.find((view) => view.subject)?.subject;
    return {
      id,
      patientId: views[0]?.patientId ?? "",
      practitionerId: practitionerOf(ordered[0]!),
      subject,
      title: titleOf(subject, views),
      lastSent: last?.sent,
      lastSenderName: last?.senderName ?? "",
      unread: views.filter((view) => unreadBy(view, viewerIsPractitioner)).length,
      count: views.length,
    };
  });
  return summaries.sort((a, b) => (b.lastSent ?? "").localeCompare(a.lastSent ?? ""));
}
