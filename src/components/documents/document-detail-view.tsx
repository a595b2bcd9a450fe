import { Alert } from "@/components/alert";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { PATIENT_READER, type Reader } from "@/lib/i18n/voice";
import type { DocumentDetail } from "@/server/documents/get-document";
import type { Json } from "@/server/pages/json-props";
import { ConfidentialityBadge, HiddenBadge } from "./badges";
import { DocumentMetadata } from "./document-metadata";
import { DocumentViewer } from "./document-viewer";
import { DocumentViewsTable } from "./document-views-table";
import { DeleteDocumentForm, PrivacyControls } from "./privacy-controls";

/**
 * A document's page, for the patient's space and the professional's view alike (rights decide
 * what shows). `reader`: in the patient's space, the patient or someone acting for her (the
 * privacy controls and the deletion speak of her record); a professional is never offered
 * them, and passes none.
 */
export function DocumentDetailView({
  detail,
  backHref,
  backLabel = t("documentPage.back"),
  notice,
  reader = PATIENT_READER,
  listQuery = "",
}: {
  detail: Json<DocumentDetail>;
  backHref: string;
  /** « Retour aux documents », or « Retour à la conversation » when a message's attachment opened it. */
  backLabel?: string;
  /** The filters of the list the page was opened from, checked (listQueryOf): its forms carry them back. */
  listQuery?: string;
  notice?: { tone: "success" | "error" | "info"; text: string };
  reader?: Reader;
}) {
  const { summary, rights } = detail;
  return (
    <div className="flex flex-col gap-6">
      <p>
        <a href={backHref} className="font-semibold">
          ← {backLabel}
        </a>
      </p>
      <PageHeader title={summary.title || t("documents.untitled")}>
        <p className="flex flex-wrap gap-1">
          {rights.managePrivacy && summary.hidden ? <HiddenBadge /> : null}
          <ConfidentialityBadge level={summary.confidentiality} />
        </p>
      </PageHeader>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <DocumentViewer document={summary} />
        <div className="flex flex-col gap-6">
          <DocumentMetadata document={summary} showPrivacy={rights.managePrivacy} />
          {rights.managePrivacy ? <PrivacyControls document={summary} reader={reader} listQuery={listQuery} /> : null}
        </div>
      </div>
      {detail.views ? <DocumentViewsTable documentId={summary.id} views={detail.views} patientsLast={detail.patientsLastView} more={detail.moreViews} reader={reader} /> : null}
      {rights.delete && summary.authorIsPatient ? <DeleteDocumentForm document={summary} reader={reader} listQuery={listQuery} /> : null}
    </div>
  );
}
