import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/alert";
import { MessageForm } from "@/components/messages/message-form";
import { MessageThread } from "@/components/messages/message-thread";
import { messagingNotice } from "@/components/messages/notices";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { spaceOf } from "@/server/access/actor";
import { requirePageScope } from "@/server/documents/request-repository";
import { attachableDocuments, attachmentTitles, mayWriteMessages } from "@/server/messages/message-page-data";
import { readConversation } from "@/server/messages/read-conversation";
import { orNotFound } from "../../partage/or-not-found";

export const metadata: Metadata = { title: t("messaging.title") };

type Props = { params: Promise<{ conversation: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * One conversation: its messages (read receipts are written as it opens), withdrawing one's own
 * within five minutes, and the reply form. Another person's conversation answers 404.
 */
export default async function ConversationPage({ params, searchParams }: Props) {
  const { repo, actor } = await requirePageScope();
  const patientId = spaceOf(actor);
  if (!patientId || actor.kind === "link") notFound();
  const conversation = await orNotFound(readConversation(repo, (await params).conversation));
  const notice = messagingNotice((await searchParams).message);
  const titles = await attachmentTitles(repo, patientId, conversation.messages.flatMap((m) => m.documentIds));
  const canWrite = await mayWriteMessages(repo, patientId);
  const documents = canWrite ? await attachableDocuments(repo, patientId) : [];
  const professional = conversation.practitionerId ? (await repo.describeProfessionals([conversation.practitionerId])).get(conversation.practitionerId) : undefined;
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/espace/messages" className="font-semibold">
          ← {t("messaging.back")}
        </Link>
      </p>
      <PageHeader title={conversation.subject ?? t("messaging.noSubject")} description={t("messaging.with", { name: professional?.name ?? "Professionnel de santé" })} />
      {notice ? <Alert tone={notice.tone}>{t(notice.key)}</Alert> : null}
      <MessageThread messages={conversation.messages} documentHref={(id) => `/espace/documents/${id}`} documentTitles={titles} />
      {canWrite ? <MessageForm id="repondre" title={t("messaging.replyTitle")} conversationId={conversation.id} documents={documents} submitLabel={t("messaging.reply")} /> : <p>{t("messaging.cannotWrite")}</p>}
    </div>
  );
}
