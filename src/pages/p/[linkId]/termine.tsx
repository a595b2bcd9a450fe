import { LinkCompleted } from "@/components/pharmacist/link-completed";
import { t } from "@/lib/i18n/messages";
import { openPage, type FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as the pharmacist's page is (index.tsx beside it). */
export const config = { unstable_runtimeJS: false };

type Data = { otherForm: boolean };

/**
 * Reads nothing: the link is dead by now, and nothing of the prescription is shown any more.
 * ?formulaire=autre (the delivrer route's answer to a form that recorded nothing) picks the
 * wording only: whoever types it learns nothing.
 */
export const getServerSideProps = openPage<Data>(({ query }) => ({ title: t("pharmacist.completedTitle"), data: { otherForm: query.formulaire === "autre" } }), { linkHolder: true });

/** After the dispensation that completed the prescription, or a form posted after it. */
export default function LinkCompletedPage({ data }: FramedProps<Data>) {
  return <LinkCompleted kind={data?.otherForm ? "other-form" : "recorded"} />;
}
