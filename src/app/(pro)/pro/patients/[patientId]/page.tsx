import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/alert";
import { ButtonLink } from "@/components/button";
import { DocumentsListView } from "@/components/documents/documents-list-view";
import { PageHeader } from "@/components/page-header";
import { ProPreventionSummary } from "@/components/prevention/pro-prevention-summary";
import { parseDocumentFilters } from "@/lib/documents/document-filters";
import { formatTime } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";
import { facetNames, listDocumentFacets } from "@/server/documents/list-document-facets";
import { listDocuments } from "@/server/documents/list-documents";
import { patientIdentity } from "@/server/documents/patient-identity";
import { requirePageScope } from "@/server/documents/request-repository";
import { noteFirstAccess } from "@/server/notifications/note-first-access";
import { preventionOf } from "@/server/prevention/evaluate-patient";

export const metadata: Metadata = { title: t("pro.patientsTitle") };

type Props = { params: Promise<{ patientId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * A patient's documents as this professional may see them: never the hidden ones, never above
 * the confidentiality the patient allowed, nothing at all when blocked or not authorised (404,
 * as for a patient that does not exist). Under emergency access, a banner says so.
 */
export default async function ProPatientDocumentsPage({ params, searchParams }: Props) {
  const { patientId } = await params;
  const { repo, actor } = await requirePageScope();
  const identity = await patientIdentity(repo, patientId);
  if (!identity || actor.kind !== "practitioner") notFound();
  const { filters, invalid } = parseDocumentFilters(await searchParams);
  const emergency = actor.emergency?.patientId === patientId ? actor.emergency : undefined;
  const facetsLoaded = listDocumentFacets(repo, patientId);
  // Prevention is for the professionals the patient authorises, not for break-glass access; read
  // beside the documents rather than after them (issue 16: it was the page's longest wait).
  // The first-access notice too: it needs only that the professional may see the patient.
  const [list, facets, prevention] = await Promise.all([
    listDocuments(repo, patientId, filters, { knownNames: facetsLoaded.then(facetNames) }),
    facetsLoaded,
    emergency ? undefined : preventionOf(repo, patientId, { patient: identity.patient, about: "other" }),
    noteFirstAccess(repo, patientId),
  ]);
  const canAdd = (await repo.decideOn("create", { resourceType: "DocumentReference", patientId, confidentiality: "N", labels: [] })).allow;
  const basePath = `/pro/patients/${patientId}`;
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/pro" className="font-semibold">
          ← {t("pro.backToPatients")}
        </Link>
      </p>
      <PageHeader title={t("pro.patientDocumentsTitle", { name: identity.name })}>
        {canAdd ? (
          <div className="flex flex-wrap gap-3">
            <ButtonLink href={`${basePath}/ajouter`}>{t("documents.add")}</ButtonLink>
            {/* Messaging needs the same standing authorisation as adding a document (not break-glass). */}
            <ButtonLink href={`/pro/messages?patient=${patientId}#nouveau`} variant="secondary">
              {t("messaging.writeToPatient")}
            </ButtonLink>
          </div>
        ) : null}
      </PageHeader>
      {emergency ? <Alert tone="info">{t("pro.emergencyBanner", { time: formatTime(emergency.until) })}</Alert> : null}
      {prevention ? <ProPreventionSummary items={prevention.items} /> : null}
      <DocumentsListView
        basePath={basePath}
        hrefOf={(id) => `${basePath}/documents/${id}`}
        list={list}
        filters={filters}
        invalidFilters={invalid}
        facets={facets}
      />
    </div>
  );
}
