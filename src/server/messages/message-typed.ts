import "@/server/server-only";
import type { IncomingMessage } from "node:http";
import { messagingNotice } from "@/components/messages/notices";
import { MESSAGE_MAX_LENGTH, SUBJECT_MAX_LENGTH } from "@/lib/messages/message-rules";
import { spaceOf, type Actor } from "../access/actor";
import type { RequestScope } from "../documents/request-scope";
import { env } from "../env";
import { typedOfRequest, type Typed, type TypedForm } from "../http/typed-form-cookie";

/**
 * A message refused (a file of the wrong type, a document that cannot be attached, a recipient who
 * can no longer receive...) comes back with its subject and text as typed (typed-form-cookie.ts):
 * a text of up to 5,000 characters typed again was the price of a wrong file (found by an
 * exploratory test). The recipient chosen comes back by its id in the address (message-post.ts,
 * choiceKept): an id says nothing of what was written. The file itself cannot come back: no page
 * may set a file input's value. A body past the cap (a file over 20 MB) is refused unread but for
 * its start, where the fields typed before the file are (read-capped-body.ts, formOfHead): they
 * come back too. One refused for want of an upload turn is refused before it is read: nothing of
 * it comes back.
 */
export type MessageTyped = Typed<"sujet" | "texte">;

export function messageTypedForm(home: "/espace/messages" | "/pro/messages"): TypedForm<"sujet" | "texte"> {
  return { name: "message", cookie: "espace-sante.message-saisie", path: home, fields: { sujet: SUBJECT_MAX_LENGTH, texte: MESSAGE_MAX_LENGTH }, longest: "texte" };
}

/**
 * Where it was typed: the space (a guardian's child's, a caregiver's patient's) and the
 * conversation, none for a new message. A text refused in one conversation never fills another's
 * reply, nor the form of another space the session moves to.
 */
export function messageTypedWhere(actor: Actor, conversationId: string | undefined): string {
  return `${spaceOf(actor) ?? ""}:${conversationId ?? ""}`;
}

/** What the page's form held when it came back refused; null unless the address carries a refusal's code. */
export function messageTypedOfPage(scope: RequestScope, req: IncomingMessage, message: unknown, conversationId?: string): MessageTyped | null {
  if (messagingNotice(message)?.tone !== "error") return null;
  const form = messageTypedForm(scope.actor.kind === "practitioner" ? "/pro/messages" : "/espace/messages");
  return typedOfRequest(form, env().APP_ENV === "production", req.headers.cookie, scope.session.sessionId, messageTypedWhere(scope.actor, conversationId)) ?? null;
}
