import "@/server/server-only";
import { answerReadLimit } from "../http/read-limited-response";
import type { RequestScope } from "../documents/request-repository";
import { MAX_UPLOAD_BYTES } from "../documents/upload-policy";
import { env } from "../env";
import { FhirError } from "../fhir/errors";
import { MessagesLimited } from "../fhir/message-rate-limit";
import { notFoundResponse } from "../http/form-post";
import { formOfBody, formOfHead, readCappedBody } from "../http/read-capped-body";
import { uploadTurns, UploadsBusy } from "../http/upload-turns";
import { uploadReceiving } from "../http/upload-receiving";
import { seeOther } from "../http/see-other";
import { MessageRefused, type MessageNotice, type RefusedAttachment } from "./message-refused";
import { spacePostScope } from "../http/space-post-scope";
import { isUuid } from "../fhir/ids";
import { clearTypedHeader, keepTypedHeader, typedFromForm } from "../http/typed-form-cookie";
import { messageTypedForm, messageTypedWhere } from "./message-typed";

/** A 20 MB file and a few fields, with room for the multipart envelope. */
const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 512 * 1024;

/**
 * The start of a body too large that holds the fields sent before the file: a subject and a text
 * of 5,000 characters, even of four-byte characters, with the ids and the multipart envelope.
 */
const FIELDS_HEAD_BYTES = 64 * 1024;

/** Where each side reads its messages. */
export function messagesHome(scope: RequestScope): "/espace/messages" | "/pro/messages" {
  return scope.actor.kind === "practitioner" ? "/pro/messages" : "/espace/messages";
}

export function conversationPath(scope: RequestScope, conversationId: string): `/${string}` {
  return `${messagesHome(scope)}/${encodeURIComponent(conversationId)}`;
}

/**
 * The refused attachment, for the page to name it and say why (refused-attachment-notice.ts):
 * ids and a fixed code, nothing else; the page names them only from what it lists itself. Its
 * professional is the one chosen in the form, kept as `a` (choiceKept).
 */
function attachmentQuery({ documentId, bar }: RefusedAttachment): string {
  return `&document=${encodeURIComponent(documentId)}&raison=${bar}`;
}

/**
 * The form posts of the messaging (plain forms, multipart when a file is attached): refuse
 * cross-site posts, find the session's actor, read the body within a cap, run the use case,
 * then back to a page of ours with a fixed code. What the actor may not see is a 404 (the same
 * bytes as what does not exist); a refusal they may know of comes back to the conversation, or
 * to the messages page for a new one.
 */
export async function messagePost(
  request: Request,
  run: (scope: RequestScope, form: FormData) => Promise<{ path: `/${string}`; notice: MessageNotice }>,
): Promise<Response> {
  const scope = await spacePostScope(request);
  if (scope instanceof Response) return scope;
  const typedForm = messageTypedForm(messagesHome(scope));
  const production = env().APP_ENV === "production";
  // What was typed goes back in a sealed cookie of this session's (message-typed.ts), never in the address.
  const back = (notice: MessageNotice, conversationId?: string, form?: FormData, attachment?: RefusedAttachment) => {
    const response = seeOther(`${conversationId ? conversationPath(scope, conversationId) : messagesHome(scope)}?${conversationId ? "" : choiceKept(scope, form)}message=${notice}${attachment ? attachmentQuery(attachment) : ""}`);
    if (form?.has("texte")) response.headers.append("Set-Cookie", keepTypedHeader(typedForm, production, typedFromForm(typedForm, form), scope.session.sessionId, messageTypedWhere(scope.actor, conversationId)));
    return response;
  };
  // Read whole (within the cap, and the process's budget of bodies held) before a turn is taken:
  // a client that sends slowly holds none.
  const lease = uploadReceiving(env().UPLOADS_AT_ONCE, MAX_BODY_BYTES).lease();
  try {
    // A body refused unread (a file too large, or the server busy): the fields typed before the
    // file come back from its first bytes (message-typed.ts), to their conversation; never the file.
    const backWithHead = async (notice: MessageNotice, head: Uint8Array<ArrayBuffer> | undefined) => {
      const fields = head ? await formOfHead(head, request.headers.get("content-type")) : undefined;
      const conversation = fields?.get("conversation");
      return back(notice, typeof conversation === "string" && isUuid(conversation) ? conversation : undefined, fields);
    };
    const body = await readCappedBody(request, MAX_BODY_BYTES, FIELDS_HEAD_BYTES, lease);
    if (!body.ok) return body.reason === "unreadable" ? back("echec") : backWithHead(body.reason === "busy" ? "occupe" : "fichier", body.head);
    // A message with a file takes an upload turn; one without passes straight through (upload-turns.ts).
    const turns = uploadTurns(env().UPLOADS_AT_ONCE, env().UPLOAD_TURN_WAIT_SECONDS);
    try {
      return await turns.run(body.bytes.length, async () => {
        const form = await formOfBody(body.bytes, request.headers.get("content-type"));
        if (!form) return back("echec");
        try {
          const outcome = await run(scope, form);
          const sent = seeOther(`${outcome.path}?message=${outcome.notice}`);
          if (form.has("texte")) sent.headers.append("Set-Cookie", clearTypedHeader(typedForm, production));
          return sent;
        } catch (error) {
          if (error instanceof MessageRefused) return back(error.notice, error.conversationId, form, error.attachment);
          const limited = answerReadLimit(error);
          if (limited) return limited;
          if (!(error instanceof FhirError)) throw error;
          if (error.status === 404) return notFoundResponse();
          const conversation = form.get("conversation");
          const notice = error instanceof MessagesLimited ? "trop" : error.status === 403 ? "interdit" : "echec";
          return back(notice, typeof conversation === "string" && conversation ? conversation : undefined, form);
        }
      });
    } catch (error) {
      // No turn came in time: nothing was sent; what was typed comes back from the body's start, not from parsing it whole.
      if (error instanceof UploadsBusy) return backWithHead("occupe", body.bytes.subarray(0, FIELDS_HEAD_BYTES));
      throw error;
    }
  } finally {
    lease.release();
  }
}

/**
 * A new message refused (a file of the wrong type, a field too long, a document the professional
 * may not see): whom it was for stays chosen on the page the writer comes back to, the patient a
 * professional chose (`patient`), the professional a patient's side chose (`a`). Without it, the
 * form came back on the first of the list, and the message typed again went to someone else
 * unless the writer noticed (found by an exploratory test of the demo). The pages keep it only if
 * it is still among those one may write to (pro-messages-page-data.ts, selected-recipient.ts).
 */
function choiceKept(scope: RequestScope, form: FormData | undefined): string {
  const [field, key] = scope.actor.kind === "practitioner" ? ["patient", "patient"] : ["destinataire", "a"];
  const chosen = form?.get(field);
  return typeof chosen === "string" && isUuid(chosen) ? `${key}=${chosen.toLowerCase()}&` : "";
}
