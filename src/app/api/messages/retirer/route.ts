import { conversationPath, messagePost } from "@/server/messages/message-post";
import { MessageRefused } from "@/server/messages/message-refused";
import { withdrawMessage } from "@/server/messages/withdraw-message";
import { withdrawSchema } from "./schema";

/** POST (message): the sender withdraws their message, within five minutes; back to the conversation. */
export async function POST(request: Request): Promise<Response> {
  return messagePost(request, async (scope, form) => {
    const parsed = withdrawSchema.safeParse({ message: form.get("message") });
    if (!parsed.success) throw new MessageRefused("echec");
    const { conversationId, documentKept } = await withdrawMessage(scope.repo, parsed.data.message);
    return { path: conversationPath(scope, conversationId), notice: documentKept ? "retire_document" : "retire" };
  });
}
