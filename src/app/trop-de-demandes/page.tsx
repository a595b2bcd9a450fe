import type { Metadata } from "next";
import { ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";

export const metadata: Metadata = { title: t("errors.tooManyTitle") };

/**
 * Where a page sends an account past its reads of the minute (src/server/fhir/read-limit.ts):
 * a plain explanation, and a way back once the minute has passed. Reads nothing itself.
 */
export default function TooManyRequestsPage() {
  return (
    <div className="flex max-w-prose flex-col gap-6">
      <PageHeader title={t("errors.tooManyTitle")} description={t("errors.tooManyBody")} />
      <div>
        <ButtonLink href="/" variant="secondary">
          {t("errors.backHome")}
        </ButtonLink>
      </div>
    </div>
  );
}
