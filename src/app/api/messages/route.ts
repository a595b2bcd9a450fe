import { PREVENTION_PLAN_SUBJECT } from "@/lib/messages/message-rules";
import { conversationPath, messagePost } from "@/server/messages/message-post";
import { MessageRefused } from "@/server/messages/message-refused";
import { sendMessage } from "@/server/messages/send-message";
import { messageFormSchema, noticeOfInvalid } from "./schema";

/**
 * POST (conversation? | destinataire? | patient?, sujet?, modele?, texte, document?, fichier?):
 * sends a message, a reply in a conversation or the first of a new one, then back to the
 * conversation. Who writes, and in whose space, comes from the session, never from the form.
 */
export async function POST(request: Request): Promise<Response> {
  return messagePost(request, async (scope, form) => {
    const fields = Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string"));
    const parsed = messageFormSchema.safeParse(fields);
    const conversation = typeof fields.conversation === "string" && fields.conversation ? fields.conversation : undefined;
    if (!parsed.success) throw new MessageRefused(noticeOfInvalid(parsed.error), conversation);
    const input = parsed.data;
    const file = form.get("fichier");
    const upload = file instanceof File && file.size > 0 ? { bytes: Buffer.from(await file.arrayBuffer()), fileName: file.name } : undefined;
    const subject = input.modele === "plan-prevention" && scope.actor.kind === "practitioner" ? (input.sujet ?? PREVENTION_PLAN_SUBJECT) : input.sujet;
    const sent = await sendMessage(scope.repo, {
      conversationId: input.conversation,
      practitionerId: input.destinataire,
      patientId: input.patient,
      subject,
      text: input.texte,
      documentId: input.document,
      upload,
    });
    return { path: conversationPath(scope, sent.conversationId), notice: "envoye" };
  });
}
