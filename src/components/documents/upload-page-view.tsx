import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import type { UploadPageData } from "@/server/documents/upload-page-data";
import { UploadForm } from "./upload-form";

/** An upload page: the way back, what the page is for, and the form. */
export function UploadPageView({ data, nonce }: { data: UploadPageData; nonce: string | null }) {
  return (
    <div className="flex flex-col gap-6">
      <p>
        <a href={data.back} className="font-semibold">
          ← {t("documentPage.back")}
        </a>
      </p>
      <PageHeader title={data.heading} description={t("upload.intro")} />
      <UploadForm
        action="/api/documents"
        patientId={data.patientId ?? undefined}
        kinds={data.kinds}
        texts={data.texts}
        error={data.error ?? undefined}
        errorField={data.errorField ?? undefined}
        maxBytes={data.maxBytes}
        today={data.today}
        typed={data.typed ?? undefined}
        nonce={nonce}
      />
    </div>
  );
}
