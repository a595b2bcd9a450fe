import { ConversationPageView } from "@/components/messages/conversation-page-view";
import { conversationPageProps, type ConversationPageProps } from "@/server/messages/conversation-page-props";
import type { FramedProps } from "@/server/pages/framed-page";
import { documentFromConversation } from "@/lib/documents/document-filters";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). */
export const config = { unstable_runtimeJS: false };

/** One of the professional's conversations; one they take no part in, or with a patient who shut them out, is a 404. */
export const getServerSideProps = conversationPageProps("practitioner");

export default function ProConversationPage({ data }: FramedProps<ConversationPageProps>) {
  return (
    <ConversationPageView data={data} message={data?.message ?? null} backHref="/pro/messages" writer="professional" documentHref={(id) => documentFromConversation(`/pro/patients/${data?.conversation.patientId ?? ""}/documents/${id}`, data?.conversation.id ?? "")} />
  );
}
