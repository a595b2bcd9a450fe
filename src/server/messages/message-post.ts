import "@/server/server-only";
import { answerReadLimit } from "../http/read-limited-response";
import type { RequestScope } from "../documents/request-repository";
import { env } from "../env";
import { FhirError } from "../fhir/errors";
import { MessagesLimited } from "../fhir/message-rate-limit";
import { notFoundResponse } from "../http/form-post";
import { formOfBody } from "../http/read-capped-body";
import { receiveUpload } from "../http/receive-upload";
import { seeOther } from "../http/see-other";
import { MessageRefused, type MessageNotice, type RefusedAttachment } from "./message-refused";
import { spacePostScope } from "../http/space-post-scope";
import { isUuid } from "../fhir/ids";
import { clearTypedHeader, keepTypedHeader, typedFromForm } from "../http/typed-form-cookie";
import { messageTypedForm, messageTypedWhere } from "./message-typed";

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
  // A body refused unread (a file too large, or the server busy): the fields typed before the
  // file come back (receive-upload.ts), to their conversation; never the file.
  const backWithFields = (notice: MessageNotice, fields: FormData | undefined) => {
    const conversation = fields?.get("conversation");
    return back(notice, typeof conversation === "string" && isUuid(conversation) ? conversation : undefined, fields);
  };
  return receiveUpload(
    request,
    (reason, fields) => (reason === "unreadable" ? back("echec") : backWithFields(reason === "busy" ? "occupe" : "fichier", fields)),
    async (bytes) => {
      const form = await formOfBody(bytes, request.headers.get("content-type"));
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
    },
  );
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
