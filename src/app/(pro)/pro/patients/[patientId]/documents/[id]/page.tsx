import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DocumentDetailView } from "@/components/documents/document-detail-view";
import { noticeFor } from "@/components/documents/notices";
import { t } from "@/lib/i18n/messages";
import { getDocument } from "@/server/documents/get-document";
import { requirePageScope } from "@/server/documents/request-repository";
import { FhirError } from "@/server/fhir/errors";

export const metadata: Metadata = { title: t("documentPage.metadataTitle") };

type Props = {
  params: Promise<{ patientId: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** One document of a patient, for a professional the patient's rules let in (404 otherwise). */
export default async function ProDocumentPage({ params, searchParams }: Props) {
  const { patientId, id } = await params;
  const { repo } = await requirePageScope();
  const detail = await getDocument(repo, id).catch((error: unknown) => {
    if (error instanceof FhirError && (error.status === 404 || error.status === 403)) notFound();
    throw error;
  });
  if (detail.patientId !== patientId) notFound();
  return <DocumentDetailView detail={detail} backHref={`/pro/patients/${patientId}`} notice={noticeFor((await searchParams).message)} />;
}
