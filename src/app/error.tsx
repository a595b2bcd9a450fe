"use client";

import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { frErrors } from "@/lib/i18n/fr-errors";

/** Whatever failed, the person sees a plain message and can retry; details stay in the server log. */
const { errors } = frErrors;

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex max-w-prose flex-col gap-6">
      <PageHeader title={errors.genericTitle} description={errors.genericBody} />
      <div>
        <Button onClick={reset}>{errors.retry}</Button>
      </div>
    </div>
  );
}
