import { ConversationPageView } from "@/components/messages/conversation-page-view";
import { conversationPageProps, type ConversationPageProps } from "@/server/messages/conversation-page-props";
import { readerOf } from "@/lib/i18n/voice";
import { documentFromConversation } from "@/lib/documents/document-filters";
import type { FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). */
export const config = { unstable_runtimeJS: false };

/**
 * One conversation of the space: its messages (read receipts are written as it opens),
 * withdrawing one's own within five minutes, and the reply form. Another person's conversation answers 404.
 */
export const getServerSideProps = conversationPageProps("patient");

export default function ConversationPage({ frame, data }: FramedProps<ConversationPageProps>) {
  return <ConversationPageView data={data} message={data?.message ?? null} backHref="/espace/messages" documentHref={(id) => documentFromConversation(`/espace/documents/${id}`, data?.conversation.id ?? "")} writer={readerOf(frame.banner)} />;
}
