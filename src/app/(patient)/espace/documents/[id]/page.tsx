import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DocumentDetailView } from "@/components/documents/document-detail-view";
import { noticeFor } from "@/components/documents/notices";
import { t } from "@/lib/i18n/messages";
import { spaceOf } from "@/server/access/actor";
import { getDocument } from "@/server/documents/get-document";
import { requirePageScope } from "@/server/documents/request-repository";
import { FhirError } from "@/server/fhir/errors";

export const metadata: Metadata = { title: t("documentPage.metadataTitle") };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One document of the space: metadata, the file inline, who viewed it, the patient's privacy choices. */
export default async function DocumentPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { repo, actor } = await requirePageScope();
  const detail = await getDocument(repo, id).catch((error: unknown) => {
    if (error instanceof FhirError && (error.status === 404 || error.status === 403)) notFound();
    throw error;
  });
  // A document of another compartment is not shown in this space, even to someone who may read it.
  if (detail.patientId !== spaceOf(actor)) notFound();
  return <DocumentDetailView detail={detail} backHref="/espace/documents" notice={noticeFor((await searchParams).message)} />;
}
