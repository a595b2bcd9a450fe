import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { openPage, type FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as the pharmacist's page is (index.tsx beside it). */
export const config = { unstable_runtimeJS: false };

/** Reads nothing: the link is dead by now, and nothing of the prescription is shown any more. */
export const getServerSideProps = openPage<null>(() => ({ title: t("pharmacist.completedTitle"), data: null }), { linkHolder: true });

/** After the dispensation that completed the prescription. */
export default function LinkCompletedPage(_props: FramedProps<null>) {
  return (
    <div className="flex max-w-prose flex-col gap-6">
      <PageHeader title={t("pharmacist.completedTitle")} description={t("pharmacist.completedBody")} />
    </div>
  );
}
