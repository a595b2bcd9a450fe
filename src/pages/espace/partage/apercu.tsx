import { Alert } from "@/components/alert";
import { NotFoundView } from "@/components/not-found-view";
import { OutOfReachView } from "@/components/out-of-reach-view";
import { PageHeader } from "@/components/page-header";
import { PreviewSections } from "@/components/sharing/preview-sections";
import { t } from "@/lib/i18n/messages";
import { readerOf, tv } from "@/lib/i18n/voice";
import { reachesPart } from "@/server/delegations/space-parts";
import { framedPage, NOT_FOUND, type FramedProps } from "@/server/pages/framed-page";
import { previewPageData, type PreviewPageData } from "@/server/privacy/preview-page-data";

/** Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). */
export const config = { unstable_runtimeJS: false };

type Data = PreviewPageData | { outOfReach: "privacy" };

export const getServerSideProps = framedPage<Data>("patient", async (scope, { query }) => {
  // A caregiver whose delegation does not include managing sharing: the page says so, as the
  // sharing page does, and reads nothing (whichever viewer the address names).
  if (!(await reachesPart(scope.repo, "privacy"))) return { title: t("sharing.previewTitle"), data: { outOfReach: "privacy" } };
  // The first of a repeated ?vue=, as the page did under the App Router.
  const data = await previewPageData(scope, Array.isArray(query.vue) ? query.vue[0] : query.vue);
  return data ? { title: "Voir comme…", data } : NOT_FOUND;
});

/** The viewer opens « … ne voit rien » and may be « un médecin urgentiste… » or « la pharmacie… »: a sentence starts with a capital. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The record as the chosen viewer gets it, clearly labelled as a preview. Computed inside this
 * request (preview-as.ts): no session, cookie or token exists for the viewer at any point.
 */
export default function PreviewPage({ frame, data }: FramedProps<Data>) {
  if (!data) return <NotFoundView />;
  if ("outOfReach" in data) return <OutOfReachView title={t("sharing.previewTitle")} part={data.outOfReach} />;
  const { viewer, preview } = data;
  // Someone acting for the patient reads whose record it is, by the banner's name (voice.ts).
  const reader = readerOf(frame.banner);
  const empty = preview.sections.every((section) => section.total === 0);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("sharing.previewTitle")} />
      <Alert tone="info">{tv("sharing.previewBanner", reader, { viewer })}</Alert>
      {empty ? <p>{sentence(tv("sharing.previewNothing", reader, { viewer }))}</p> : <PreviewSections preview={preview} />}
      <p>
        <a href="/espace/partage#apercu" className="font-semibold">
          ← {t("sharing.previewBack")}
        </a>
      </p>
    </div>
  );
}
