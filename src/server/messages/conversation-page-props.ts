import "@/server/server-only";
import { t } from "@/lib/i18n/messages";
import { framedPage, NOT_FOUND } from "../pages/framed-page";
import { messageTypedOfPage, type MessageTyped } from "./message-typed";
import { conversationPageData, type ConversationPageData } from "./conversation-page-data";

export type ConversationPageProps = ConversationPageData & { message: string | null; typed: MessageTyped | null };

/** The getServerSideProps of a conversation's page, in either space. */
export function conversationPageProps(space: "patient" | "practitioner") {
  return framedPage<ConversationPageProps>(space, async (scope, { params, query, req }) => {
    const data = await conversationPageData(scope, typeof params?.conversation === "string" ? params.conversation : "");
    if (!data) return NOT_FOUND;
    // The tab's title keeps « Sans objet » rather than the opening words shown on the page: a
    // browser's history keeps titles, and a message's first words are not chosen to be read there.
    const subject = data.conversation.subject ?? t("messaging.noSubject");
    return { title: t("messaging.conversationTitle", { subject, name: data.withName }), data: { ...data, message: typeof query.message === "string" ? query.message : null, typed: messageTypedOfPage(scope, req, query.message, data.conversation.id) } };
  });
}
