import { PlainMessageView } from "@/components/not-found-view";
import { t } from "@/lib/i18n/messages";
import { openPage, type FramedProps } from "@/server/pages/framed-page";

/**
 * Served without runtime JavaScript, as the documents page is (src/pages/espace/documents/index.tsx
 * says why): the page shown to someone already over their reads should cost the least.
 */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = openPage<null>(() => ({ title: t("errors.tooManyTitle"), data: null }));

/**
 * Where a page sends an account past its reads of the minute (src/server/fhir/read-limit.ts):
 * a plain explanation, and a way back once the minute has passed. Reads nothing itself.
 */
export default function TooManyRequestsPage(_props: FramedProps<null>) {
  return <PlainMessageView title={t("errors.tooManyTitle")} description={t("errors.tooManyBody")} />;
}
