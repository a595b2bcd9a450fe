import { NotFoundView } from "@/components/not-found-view";
import { RecordCopyView } from "@/components/record-copy/record-copy-view";
import { t } from "@/lib/i18n/messages";
import { readerOf } from "@/lib/i18n/voice";
import { framedPage, type FramedProps } from "@/server/pages/framed-page";

/**
 * « Télécharger une copie de mon dossier » (RGPD articles 15 and 20). Served without runtime
 * JavaScript, as the documents page is (src/pages/espace/documents/index.tsx says why). The page
 * reads nothing of the record: it only explains; the copy is read when the form is sent
 * (src/app/api/dossier/copie/route.ts). Whose record it is, in another person's space, the
 * frame's banner already read.
 */
export const config = { unstable_runtimeJS: false };

type Data = { tooMany: boolean };

export const getServerSideProps = framedPage<Data>("patient", async ({ actor }, { query }) => ({
  title: t(actor.kind === "patient" ? "recordCopy.pageTitle.yours" : "recordCopy.pageTitle.theirs"),
  data: { tooMany: query.message === "trop-de-copies" },
}));

export default function RecordCopyPage({ frame, data }: FramedProps<Data>) {
  if (!data) return <NotFoundView />;
  return <RecordCopyView reader={readerOf(frame.banner)} tooMany={data.tooMany} />;
}
