import { Button } from "@/components/button";
import type { Confidentiality } from "@/lib/fhir/systems";
import { t } from "@/lib/i18n/messages";
import { tv, type Reader } from "@/lib/i18n/voice";
import type { DocumentSummary } from "@/server/documents/document-summary";

const LEVELS: Confidentiality[] = ["N", "R", "V"];

/**
 * The patient's choices on one document, as plain form posts (they work without JavaScript):
 * hide it from professionals or show it again, and its confidentiality level. The version is
 * sent back so a choice made on a stale page is refused rather than silently overwriting.
 * `reader`: the patient, or someone acting for her, who reads about her record (voice.ts).
 * `listQuery`: the filters of the list the page was opened from, checked (listQueryOf), carried
 * by each form's address and back with its answer (document-post.ts).
 */
export function PrivacyControls({ document, reader, listQuery = "" }: { document: DocumentSummary; reader: Reader; listQuery?: string }) {
  const base = `/api/documents/${encodeURIComponent(document.id)}`;
  return (
    <section aria-labelledby="privacy-title" className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="privacy-title" className="text-lg font-semibold">
        {t("documentPage.privacyTitle")}
      </h2>
      {document.hidden ? (
        <form method="post" action={`${base}/afficher${listQuery}`}>
          <Button type="submit" variant="secondary">
            {t("documentPage.show")}
          </Button>
        </form>
      ) : (
        <form method="post" action={`${base}/masquer${listQuery}`} className="flex flex-col gap-2">
          <p id="hide-hint" className="text-sm text-slate-700">
            {tv("documentPage.hideHint", reader)}
          </p>
          <div>
            <Button type="submit" variant="secondary" aria-describedby="hide-hint">
              {t("documentPage.hide")}
            </Button>
          </div>
        </form>
      )}
      <form method="post" action={`${base}/confidentialite${listQuery}`} className="flex flex-col gap-3">
        <input type="hidden" name="version" value={document.versionId} />
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 font-semibold">{t("documentPage.confidentialityLabel")}</legend>
          {LEVELS.map((level) => (
            <label key={level} className="flex items-start gap-2">
              <input type="radio" name="niveau" value={level} defaultChecked={document.confidentiality === level} className="mt-1.5" />
              <span>{level === "N" ? t("documentPage.levels.N") : tv(`documentPage.levels.${level}`, reader)}</span>
            </label>
          ))}
        </fieldset>
        <div>
          <Button type="submit">{t("documentPage.confidentialitySave")}</Button>
        </div>
      </form>
    </section>
  );
}

/** Deleting a document added from the patient's space; `reader` and `listQuery` as for PrivacyControls. */
export function DeleteDocumentForm({ document, reader, listQuery = "" }: { document: DocumentSummary; reader: Reader; listQuery?: string }) {
  return (
    <section aria-labelledby="delete-title" className="flex flex-col gap-3 rounded-lg border border-red-800 bg-white p-4">
      <h2 id="delete-title" className="text-lg font-semibold">
        {t("documentPage.deleteTitle")}
      </h2>
      <p className="text-slate-700">{tv("documentPage.deleteHint", reader)}</p>
      <form method="post" action={`/api/documents/${encodeURIComponent(document.id)}/supprimer${listQuery}`} className="flex flex-col gap-3">
        <input type="hidden" name="version" value={document.versionId} />
        <label className="flex items-start gap-2">
          <input type="checkbox" name="confirmation" value="oui" required className="mt-1.5" />
          <span>{t("documentPage.deleteConfirm")}</span>
        </label>
        <div>
          <button type="submit" className="rounded-md border border-red-800 bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900">
            {t("documentPage.deleteButton")}
          </button>
        </div>
      </form>
    </section>
  );
}
