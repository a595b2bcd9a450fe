import { LinkGone } from "@/components/pharmacist/link-gone";
import { t } from "@/lib/i18n/messages";
import { openPage, type FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as the pharmacist's page is (index.tsx beside it). */
export const config = { unstable_runtimeJS: false };

/** Reads nothing: « no longer available » with a 404, for any link, as the link's own page answers a dead one. */
export const getServerSideProps = openPage<null>(() => ({ notFound: true, title: t("pharmacist.goneTitle") }), { linkHolder: true });

/** Where the pharmacist's form posts send a dead link (ouvrir, delivrer). */
export default function LinkGonePage(_props: FramedProps<null>) {
  return <LinkGone />;
}
