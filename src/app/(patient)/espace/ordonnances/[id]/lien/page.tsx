import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import Link from "next/link";
import { Alert } from "@/components/alert";
import { PageHeader } from "@/components/page-header";
import { ShareResultView } from "@/components/prescriptions/share-result";
import { t } from "@/lib/i18n/messages";
import { env } from "@/server/env";
import { qrSvgDataUrl } from "@/server/sharing/link-qr";
import { openShareResult, shareResultCookie } from "@/server/sharing/share-result-cookie";
import { loadPrescription } from "../load-prescription";

// The page shows a link's key and passcode: it sends no referrer at all.
export const metadata: Metadata = { title: t("share.resultTitle"), referrer: "no-referrer" };

/**
 * The link just created: QR code, link to copy, passcode, end date. They come from the sealed
 * cookie the share form's handler set for this session and this page (ten minutes); after that
 * the page says the link can no longer be shown.
 */
export default async function ShareResultPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { detail, session } = await loadPrescription(id);
  const cookie = shareResultCookie(id, env().APP_ENV === "production");
  const result = openShareResult((await cookies()).get(cookie.name)?.value, session.sessionId, detail.prescription.id);
  const back = `/espace/ordonnances/${encodeURIComponent(detail.prescription.id)}`;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("share.resultTitle")} description={result ? t("share.resultIntro") : undefined} />
      {result ? <ShareResultView result={result} qrCode={await qrSvgDataUrl(result.url)} nonce={(await headers()).get("x-nonce")} /> : <Alert tone="info">{t("share.resultGone")}</Alert>}
      <p>
        <Link href={back} className="font-semibold">
          ← {t("share.backToPrescription")}
        </Link>
      </p>
    </div>
  );
}
