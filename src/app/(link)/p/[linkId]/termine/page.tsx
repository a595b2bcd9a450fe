import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";

export const metadata: Metadata = { title: t("pharmacist.completedTitle"), referrer: "no-referrer" };

/** After the dispensation that completed the prescription: nothing of it is shown any more. */
export default function LinkCompletedPage() {
  return (
    <div className="flex max-w-prose flex-col gap-6">
      <PageHeader title={t("pharmacist.completedTitle")} description={t("pharmacist.completedBody")} />
    </div>
  );
}
