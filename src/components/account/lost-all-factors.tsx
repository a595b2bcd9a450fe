import { t } from "@/lib/i18n/messages";

/**
 * For the person on the recovery-code page who has no code either: no page of the portal lets
 * her back in, so she is told to call the assistance, what it will ask, and what comes next
 * (accounts/recover-account.ts). Shown whether or not a sign-in waits in this browser.
 */
export function LostAllFactors({ contact }: { contact: string }) {
  return (
    <section aria-labelledby="lost-all-factors" className="flex max-w-prose flex-col gap-3 border-t border-slate-200 pt-6">
      <h2 id="lost-all-factors" className="text-xl font-semibold text-slate-900">
        {t("signInExtra.lostAllTitle")}
      </h2>
      <p>{t("signInExtra.lostAllContact", { contact })}</p>
      <p>{t("signInExtra.lostAllAsked")}</p>
      <p>{t("signInExtra.lostAllAfter")}</p>
    </section>
  );
}
