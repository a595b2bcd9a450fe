import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";

/** "No longer available": the same for a link that never existed and one that died (revoked, expired, locked, fully dispensed). */
export function LinkGone() {
  return (
    <div className="flex max-w-prose flex-col gap-6">
      <PageHeader title={t("pharmacist.goneTitle")} description={t("pharmacist.goneBody")} />
    </div>
  );
}
