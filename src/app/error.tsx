"use client";

import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";

/** Whatever failed, the person sees a plain message and can retry; details stay in the server log. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex max-w-prose flex-col gap-6">
      <PageHeader title={t("errors.genericTitle")} description={t("errors.genericBody")} />
      <div>
        <Button onClick={reset}>{t("errors.retry")}</Button>
      </div>
    </div>
  );
}
