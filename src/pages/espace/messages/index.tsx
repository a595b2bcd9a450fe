import { Alert } from "@/components/alert";
import { ConversationList } from "@/components/messages/conversation-list";
import { MessageForm } from "@/components/messages/message-form";
import { fieldTakesFocus, messageFieldErrors, messagingNotice } from "@/components/messages/notices";
import { SharingLink } from "@/components/messages/sharing-link";
import { NotFoundView } from "@/components/not-found-view";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { refusedAttachmentNotice } from "@/lib/messages/refused-attachment-notice";
import { readerOf, tv } from "@/lib/i18n/voice";
import { reachesPart } from "@/server/delegations/space-parts";
import { messageTypedOfPage, type MessageTyped } from "@/server/messages/message-typed";
import { patientMessagesPageData, type PatientMessagesPageData } from "@/server/messages/patient-messages-page-data";
import { framedPage, READS_OWN_RULES, NOT_FOUND, type FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). */
export const config = { unstable_runtimeJS: false };

/** `refusedAttachment`: the sentence naming a document refused as an attachment, and why (refused-attachment-notice.ts). */
type Data = PatientMessagesPageData & { message: string | null; refusedAttachment: string | null; selectedRecipient: string | null; typed: MessageTyped | null; managesSharing: boolean };

export const getServerSideProps = framedPage<Data>("patient", async (scope, { query, req }) => {
  const data = await patientMessagesPageData(scope);
  if (!data) return NOT_FOUND;
  const message = typeof query.message === "string" ? query.message : null;
  // The professional chosen before a refusal (message-post.ts): kept only if still one she may write to.
  const selectedRecipient = data.recipients.find((option) => option.value === query.a)?.value ?? null;
  // No one to write to: whoever may authorise a professional here is sent to do it (a guardian in
  // her child's space read « aucun n'est autorisé » with no way on). Asked only then.
  const managesSharing = data.recipients.length === 0 && (await reachesPart(scope.repo, "privacy"));
  return {
    title: t("messaging.title"),
    data: { ...data, message, refusedAttachment: refusedAttachmentNotice(query, data.documents, data.recipients) ?? null, selectedRecipient, typed: messageTypedOfPage(scope, req, query.message), managesSharing },
  };
}, READS_OWN_RULES);

/**
 * The patient's messaging (or the space a guardian or caregiver acts in): the conversations
 * with unread marks, and "Nouveau message" to a professional the patient lets in now. Plain
 * forms: everything works without JavaScript.
 */
export default function MessagesPage({ frame, data }: FramedProps<Data>) {
  if (!data) return <NotFoundView />;
  const reader = readerOf(frame.banner);
  const notice = messagingNotice(data.message ?? undefined);
  const errors = messageFieldErrors(data.message);
  const formShown = data.canWrite && data.recipients.length > 0;
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("messaging.title")} description={tv("messaging.intro", reader)} />
      {notice ? (
        <Alert tone={notice.tone} takesFocus={notice.tone !== "info" && !(formShown && fieldTakesFocus(errors))}>
          {data.refusedAttachment ?? t(notice.key)}
        </Alert>
      ) : null}
      <ConversationList conversations={data.conversations} basePath="/espace/messages" nameOf={(c) => data.names[c.id] ?? "Professionnel de santé"} />
      {!data.canWrite ? (
        <p>{t("messaging.cannotWrite")}</p>
      ) : data.recipients.length === 0 ? (
        <>
          <p>{tv("messaging.noRecipient", reader)}</p>
          <SharingLink writer={reader} managesSharing={data.managesSharing} />
        </>
      ) : (
        <MessageForm id="nouveau" title={t("messaging.newTitle")} recipients={data.recipients} selectedRecipient={data.selectedRecipient ?? undefined} documents={data.documents} submitLabel={t("messaging.send")} writer={reader} typed={data.typed ?? undefined} errors={errors} fileAllowed={data.fileAllowed} />
      )}
    </div>
  );
}
