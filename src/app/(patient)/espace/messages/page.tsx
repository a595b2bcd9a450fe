import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/alert";
import { ConversationList } from "@/components/messages/conversation-list";
import { MessageForm } from "@/components/messages/message-form";
import { messagingNotice } from "@/components/messages/notices";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { spaceOf } from "@/server/access/actor";
import { requirePageScope } from "@/server/documents/request-repository";
import { listConversations } from "@/server/messages/list-conversations";
import { attachableDocuments, mayWriteMessages } from "@/server/messages/message-page-data";
import { messageRecipients } from "@/server/messages/message-recipients";

export const metadata: Metadata = { title: t("messaging.title") };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The patient's messaging (or the space a guardian or caregiver acts in): the conversations
 * with unread marks, and "Nouveau message" to a professional the patient lets in now. Plain
 * forms: everything works without JavaScript.
 */
export default async function MessagesPage({ searchParams }: Props) {
  const { repo, actor } = await requirePageScope();
  const patientId = spaceOf(actor);
  if (!patientId || actor.kind === "link") notFound();
  const notice = messagingNotice((await searchParams).message);
  const conversations = await listConversations(repo);
  const canWrite = await mayWriteMessages(repo, patientId);
  const recipients = canWrite ? await messageRecipients(repo, patientId) : [];
  const documents = canWrite ? await attachableDocuments(repo, patientId) : [];
  const names = await repo.describeProfessionals(conversations.flatMap((c) => (c.practitionerId ? [c.practitionerId] : [])));
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("messaging.title")} description={t("messaging.intro")} />
      {notice ? <Alert tone={notice.tone}>{t(notice.key)}</Alert> : null}
      <ConversationList
        conversations={conversations}
        basePath="/espace/messages"
        nameOf={(c) => (c.practitionerId ? (names.get(c.practitionerId)?.name ?? "Professionnel de santé") : "Espace santé")}
      />
      {!canWrite ? (
        <p>{t("messaging.cannotWrite")}</p>
      ) : recipients.length === 0 ? (
        <p>{t("messaging.noRecipient")}</p>
      ) : (
        <MessageForm
          id="nouveau"
          title={t("messaging.newTitle")}
          recipients={recipients.map((card) => ({ value: card.id, label: card.specialty ? `${card.name} (${card.specialty})` : card.name }))}
          documents={documents}
          submitLabel={t("messaging.send")}
        />
      )}
    </div>
  );
}
