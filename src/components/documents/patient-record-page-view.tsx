import { Alert } from "@/components/alert";
import { ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { filtersQuery } from "@/lib/documents/document-filters";
import { formatTime } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";
import type { PatientRecordPageData } from "@/server/documents/patient-record-page-data";
import { BackToPatients } from "./back-to-patients";
import { DocumentsListView } from "./documents-list-view";
import { RecordTabs } from "./record-tabs";
import { EndEmergencyForm } from "@/components/pro/end-emergency-form";

/**
 * A patient's record as a professional sees it (src/pages/pro/patients/[patientId]/index.tsx): the
 * way back, adding a document and writing to the patient where allowed, the emergency banner,
 * the prevention summary, the documents.
 */
export function PatientRecordPageView({ data }: { data: PatientRecordPageData }) {
  const basePath = `/pro/patients/${data.patientId}`;
  return (
    <div className="flex flex-col gap-6">
      <BackToPatients />
      <PageHeader title={t("pro.patientDocumentsTitle", { name: data.name })}>
        {data.canAdd ? (
          <div className="flex flex-wrap gap-3">
            <ButtonLink href={`${basePath}/ajouter`}>{t("documents.add")}</ButtonLink>
            {/* Messaging needs the same standing authorisation as adding a document (not break-glass). */}
            {/* No fragment: with one, the browser scrolls to the form and skips its autofocus (message-form.tsx). */}
            <ButtonLink href={`/pro/messages?patient=${data.patientId}`} variant="secondary">
              {t("messaging.writeToPatient")}
            </ButtonLink>
          </div>
        ) : null}
      </PageHeader>
      <RecordTabs patientId={data.patientId} name={data.name} current="documents" prevention={data.prevention} />
      {data.emergencyUntil ? (
        <div className="flex flex-col gap-3">
          <Alert tone="info">{t("pro.emergencyBanner", { time: formatTime(data.emergencyUntil) })}</Alert>
          {/* Done before the hour is over: she closes it herself (end-emergency-access.ts). */}
          <EndEmergencyForm />
        </div>
      ) : null}
      <DocumentsListView
        basePath={basePath}
        // The list's filters go with the link, for the document's « Retour aux documents » (listQueryOf).
        hrefOf={(id) => `${basePath}/documents/${id}${filtersQuery(data.filters)}`}
        list={data.list}
        filters={data.filters}
        invalidFilters={data.invalidFilters}
        facets={data.facets}
      />
    </div>
  );
}
