import { formatLabel, formatSize } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";
import type { DocumentSummary } from "@/server/documents/document-summary";

/**
 * The file shown in the page: an image as <img>, a PDF in an <iframe> of the file route (the
 * browser's own viewer; the route serves it with a CSP that forbids scripts and lets only our
 * pages frame it). The download link is always there, for browsers that show no PDF inline.
 */
export function fileUrl(documentId: string, inline = false): string {
  return `/api/documents/${encodeURIComponent(documentId)}/file${inline ? "?affichage=integre" : ""}`;
}

export function DocumentViewer({ document }: { document: DocumentSummary }) {
  const title = document.title || t("documents.untitled");
  const isImage = document.contentType === "image/jpeg" || document.contentType === "image/png";
  const isPdf = document.contentType === "application/pdf";
  return (
    <section aria-labelledby="viewer-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="viewer-title" className="text-lg font-semibold">
          {t("documentPage.viewerTitle")}
        </h2>
        <a href={fileUrl(document.id)} download className="font-semibold">
          {t("documentPage.downloadWithSize", { format: formatLabel(document.contentType) || "—", size: formatSize(document.size) || "—" })}
        </a>
      </div>
      {isImage ? (
        // eslint-disable-next-line @next/next/no-img-element -- a private file behind the access gate: never through the image optimiser or a cache.
        <img src={fileUrl(document.id, true)} alt={t("documentPage.imageAlt", { title })} className="max-h-[80vh] w-auto rounded border border-slate-300 bg-white" />
      ) : null}
      {isPdf ? (
        <iframe
          src={fileUrl(document.id, true)}
          title={t("documentPage.viewerFrameTitle", { title })}
          className="h-[80vh] w-full rounded border border-slate-300 bg-white"
        />
      ) : null}
      <p className="text-sm text-slate-700">{t("documentPage.viewerFallback")}</p>
    </section>
  );
}
