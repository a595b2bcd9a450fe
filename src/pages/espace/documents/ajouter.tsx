import { UploadPageView } from "@/components/documents/upload-page-view";
import { NotFoundView } from "@/components/not-found-view";
import { OutOfReachView } from "@/components/out-of-reach-view";
import { t } from "@/lib/i18n/messages";
import { ownUploadPageData, type UploadPageData } from "@/server/documents/upload-page-data";
import { spaceOf } from "@/server/access/actor";
import { reachesPart } from "@/server/delegations/space-parts";
import { uploadTypedOfPage } from "@/server/documents/upload-typed";
import { framedPage, NOT_FOUND, type FramedProps } from "@/server/pages/framed-page";

/**
 * Adding a document to the space's record. Served without Next's runtime: the App Router sent
 * about 136 kB of JavaScript (gzip) for one form whose progress bar is now an inline script
 * (upload-behaviour.ts); without scripts the form is a plain multipart post.
 */
export const config = { unstable_runtimeJS: false };

type Data = UploadPageData | { outOfReach: "upload" };

export const getServerSideProps = framedPage<Data>("patient", async (scope, { query, req }) => {
  // A caregiver without the right to add: the page says which right, as the other parts do.
  if (!(await reachesPart(scope.repo, "upload"))) return { title: t("upload.title"), data: { outOfReach: "upload" } };
  const data = await ownUploadPageData(scope, query.erreur, uploadTypedOfPage(scope.session.sessionId, req, spaceOf(scope.actor) ?? ""));
  return data ? { title: t("upload.title"), data } : NOT_FOUND;
});

export default function UploadPage({ frame, data }: FramedProps<Data>) {
  if (!data) return <NotFoundView />;
  if ("outOfReach" in data) return <OutOfReachView title={t("upload.title")} part={data.outOfReach} />;
  return <UploadPageView data={data} nonce={frame.nonce} />;
}
