import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/alert";
import { MessageForm } from "@/components/messages/message-form";
import { MessageThread } from "@/components/messages/message-thread";
import { messagingNotice } from "@/components/messages/notices";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { patientIdentity } from "@/server/documents/patient-identity";
import { requirePageScope } from "@/server/documents/request-repository";
import { attachableDocuments, attachmentTitles } from "@/server/messages/message-page-data";
import { readConversation } from "@/server/messages/read-conversation";
import { orNotFound } from "../../../../(patient)/espace/partage/or-not-found";

export const metadata: Metadata = { title: t("messaging.proTitle") };

type Props = { params: Promise<{ conversation: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One of the professional's conversations; one they take no part in, or with a patient who shut them out, is a 404. */
export default async function ProConversationPage({ params, searchParams }: Props) {
  const { repo, actor } = await requirePageScope();
  if (actor.kind !== "practitioner") notFound();
  const conversation = await orNotFound(readConversation(repo, (await params).conversation));
  const notice = messagingNotice((await searchParams).message);
  const identity = await patientIdentity(repo, conversation.patientId);
  const titles = await attachmentTitles(repo, conversation.patientId, conversation.messages.flatMap((m) => m.documentIds));
  // The documents of the record this professional sees (the patient sees all of their own).
  const documents = await attachableDocuments(repo, conversation.patientId);
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/pro/messages" className="font-semibold">
          ← {t("messaging.back")}
        </Link>
      </p>
      <PageHeader title={conversation.subject ?? t("messaging.noSubject")} description={t("messaging.with", { name: identity?.name ?? "Patient" })} />
      {notice ? <Alert tone={notice.tone}>{t(notice.key)}</Alert> : null}
      <MessageThread messages={conversation.messages} documentHref={(id) => `/pro/patients/${conversation.patientId}/documents/${id}`} documentTitles={titles} />
      <MessageForm id="repondre" title={t("messaging.replyTitle")} conversationId={conversation.id} documents={documents} submitLabel={t("messaging.reply")} />
    </div>
  );
}
