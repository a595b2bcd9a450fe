import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/alert";
import { ConversationList } from "@/components/messages/conversation-list";
import { MessageForm } from "@/components/messages/message-form";
import { messagingNotice } from "@/components/messages/notices";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { requirePageScope } from "@/server/documents/request-repository";
import { listConversations } from "@/server/messages/list-conversations";

export const metadata: Metadata = { title: t("messaging.proTitle") };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The professional's messaging: their conversations with the patients who let them in now, and
 * a new message to one of them (with the "plan de prévention" model after a check-up).
 */
export default async function ProMessagesPage({ searchParams }: Props) {
  const { repo, actor } = await requirePageScope();
  if (actor.kind !== "practitioner") notFound();
  const params = await searchParams;
  const notice = messagingNotice(params.message);
  const selected = typeof params.patient === "string" ? params.patient : undefined;
  const conversations = await listConversations(repo);
  const patients = await repo.practitionerPatients();
  const names = new Map(patients.map((p) => [p.patientId, p.name]));
  const writable = patients.filter((p) => p.access);
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("messaging.proTitle")} description={t("messaging.proIntro")} />
      {notice ? <Alert tone={notice.tone}>{t(notice.key)}</Alert> : null}
      <ConversationList conversations={conversations} basePath="/pro/messages" nameOf={(c) => names.get(c.patientId) ?? "Patient"} />
      {writable.length === 0 ? (
        <p>{t("messaging.noPatient")}</p>
      ) : (
        <MessageForm
          id="nouveau"
          title={t("messaging.newTitle")}
          patients={writable.map((p) => ({ value: p.patientId, label: p.birthDate ? `${p.name} (${p.birthDate})` : p.name }))}
          selectedPatient={writable.some((p) => p.patientId === selected) ? selected : undefined}
          withModel
          submitLabel={t("messaging.send")}
        />
      )}
    </div>
  );
}
