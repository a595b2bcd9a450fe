import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";

/**
 * « Fully dispensed »: after the post that completed the prescription (this form's delivery
 * recorded), after another form posted once it was (nothing recorded by it), or when the page is
 * opened again within the session (the back button). Nothing of the prescription is shown.
 */
export type CompletedCase = "recorded" | "other-form" | "seen";

const BODY = { recorded: "pharmacist.completedBody", "other-form": "pharmacist.completedOtherFormBody", seen: "pharmacist.completedSeenBody" } as const;

export function LinkCompleted({ kind }: { kind: CompletedCase }) {
  return (
    <div className="flex max-w-prose flex-col gap-6">
      <PageHeader title={t("pharmacist.completedTitle")} description={t(BODY[kind])} />
    </div>
  );
}
