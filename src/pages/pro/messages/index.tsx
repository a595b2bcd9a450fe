import { Alert } from "@/components/alert";
import { ConversationList } from "@/components/messages/conversation-list";
import { MessageForm } from "@/components/messages/message-form";
import { fieldTakesFocus, messageFieldErrors, messagingNotice } from "@/components/messages/notices";
import { NotFoundView } from "@/components/not-found-view";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { proMessagesPageData, type ProMessagesPageData } from "@/server/messages/pro-messages-page-data";
import { messageTypedOfPage, type MessageTyped } from "@/server/messages/message-typed";
import { framedPage, NOT_FOUND, type FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). */
export const config = { unstable_runtimeJS: false };

type Data = ProMessagesPageData & { message: string | null; typed: MessageTyped | null };

export const getServerSideProps = framedPage<Data>("practitioner", async (scope, { query, req }) => {
  const data = await proMessagesPageData(scope, query.patient);
  return data ? { title: t("messaging.proTitle"), data: { ...data, message: typeof query.message === "string" ? query.message : null, typed: messageTypedOfPage(scope, req, query.message) } } : NOT_FOUND;
});

/**
 * The professional's messaging: their conversations with the patients who let them in now, and
 * a new message to one of them (with the "plan de prévention" model after a check-up).
 */
export default function ProMessagesPage({ data }: FramedProps<Data>) {
  if (!data) return <NotFoundView />;
  const notice = messagingNotice(data.message ?? undefined);
  const errors = messageFieldErrors(data.message);
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("messaging.proTitle")} description={t("messaging.proIntro")} />
      {notice ? <Alert tone={notice.tone} takesFocus={notice.tone !== "info" && !(data.patients.length > 0 && fieldTakesFocus(errors))}>{t(notice.key)}</Alert> : null}
      <ConversationList conversations={data.conversations} basePath="/pro/messages" nameOf={(c) => data.names[c.id] ?? "Patient"} />
      {data.patients.length === 0 ? (
        <p>{t("messaging.noPatient")}</p>
      ) : (
        <MessageForm
          id="nouveau"
          title={t("messaging.newTitle")}
          patients={data.patients}
          selectedPatient={data.selectedPatient ?? undefined}
          withModel
          writer="professional"
          typed={data.typed ?? undefined}
          errors={errors}
          submitLabel={t("messaging.send")}
          // Opened to write to one patient (« Écrire au patient »): the form has the focus, unless a notice above takes it.
          takesFocus={Boolean(data.selectedPatient) && (notice === undefined || notice.tone === "info")}
        />
      )}
    </div>
  );
}
