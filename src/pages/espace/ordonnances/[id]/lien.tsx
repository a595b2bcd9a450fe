import { Alert } from "@/components/alert";
import { NotFoundView } from "@/components/not-found-view";
import { PageHeader } from "@/components/page-header";
import { ShareResultView } from "@/components/prescriptions/share-result";
import { t } from "@/lib/i18n/messages";
import { readerOf } from "@/lib/i18n/voice";
import { framedPage, NOT_FOUND, type FramedProps } from "@/server/pages/framed-page";
import { shareResultPageData, type ShareResultPageData } from "@/server/prescriptions/share-result-page-data";

/**
 * Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx
 * says why); copying the link is the one inline script it adds (copy-link-button.tsx). It shows a
 * link's key and passcode: its Referrer-Policy header sends no referrer at all (NO_REFERRER_PAGES,
 * security-headers.ts). An App Router prefetch of the address is answered before anything is read
 * (framedPage, app-router-fetch.ts).
 */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = framedPage<ShareResultPageData>("patient", async (scope, { params, req }) => {
  const data = await shareResultPageData(scope, typeof params?.id === "string" ? params.id : "", req.headers.cookie);
  return data ? { title: t("share.resultTitle"), data } : NOT_FOUND;
});

/**
 * The link just created: QR code, link to copy, passcode, end date, from the sealed cookie the
 * share form's handler set for this session and this page (ten minutes); after that the page
 * says the link can no longer be shown. Someone acting for the patient reads whose pharmacy it is
 * for, by the name the frame's banner already read.
 */
export default function ShareResultPage({ frame, data }: FramedProps<ShareResultPageData>) {
  if (!data) return <NotFoundView />;
  const { shown } = data;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("share.resultTitle")} description={shown ? t("share.resultIntro") : undefined} />
      {shown ? <ShareResultView result={shown.result} qrCode={shown.qrCode} nonce={frame.nonce} reader={readerOf(frame.banner)} /> : <Alert tone="info">{t("share.resultGone")}</Alert>}
      <p>
        <a href={`/espace/ordonnances/${encodeURIComponent(data.prescriptionId)}`} className="font-semibold">
          ← {t("share.backToPrescription")}
        </a>
      </p>
    </div>
  );
}
