import { Alert } from "@/components/alert";
import { NotFoundView } from "@/components/not-found-view";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import type { ConversationPageData } from "@/server/messages/conversation-page-data";
import type { MessageTyped } from "@/server/messages/message-typed";
import type { Json } from "@/server/pages/json-props";
import { MessageForm, type MessageWriter } from "./message-form";
import { MessageThread } from "./message-thread";
import { SharingLink } from "./sharing-link";
import { fieldTakesFocus, messageFieldErrors, messagingNotice } from "./notices";
import { tv } from "@/lib/i18n/voice";

/**
 * One conversation (src/pages/espace/messages/[conversation].tsx, src/pages/pro/messages/[conversation].tsx):
 * its messages, withdrawing one's own within five minutes, and the reply form.
 */
export function ConversationPageView({
  data,
  message,
  backHref,
  documentHref,
  writer,
}: {
  /** `typed`: the reply refused, given back (message-typed.ts). */
  data: Json<ConversationPageData & { typed?: MessageTyped | null }> | null;
  message: string | null;
  backHref: string;
  documentHref: (id: string) => string;
  writer: MessageWriter;
}) {
  if (!data) return <NotFoundView />;
  const { conversation } = data;
  const notice = messagingNotice(message ?? undefined);
  const errors = messageFieldErrors(message);
  return (
    <div className="flex flex-col gap-6">
      <p>
        <a href={backHref} className="font-semibold">
          ← {t("messaging.back")}
        </a>
      </p>
      <PageHeader title={conversation.title} description={t("messaging.with", { name: data.withName })} />
      {notice ? <Alert tone={notice.tone} takesFocus={notice.tone !== "info" && !(data.canWrite && fieldTakesFocus(errors))}>{t(notice.key)}</Alert> : null}
      <MessageThread messages={conversation.messages} documentHref={documentHref} documentTitles={data.titles} />
      {data.canWrite ? (
        <MessageForm id="repondre" title={t("messaging.replyTitle")} conversationId={conversation.id} documents={data.documents} submitLabel={t("messaging.reply")} writer={writer} typed={data.typed ?? undefined} errors={errors} fileAllowed={data.fileAllowed} />
      ) : data.recipientGone && writer !== "professional" ? (
        <>
          <p>{tv(`messaging.recipientGone.${data.withSex}`, writer)}</p>
          <SharingLink writer={writer} />
        </>
      ) : (
        <p>{t("messaging.cannotWrite")}</p>
      )}
    </div>
  );
}
