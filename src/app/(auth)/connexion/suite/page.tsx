import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/alert";
import { ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { requireSession } from "@/server/auth/current-session";
import { takeSecurityNotice } from "@/server/db/account-store";
import { setPendingTotpSecret } from "@/server/db/account-enrolment-store";
import { newTotpSecret } from "@/server/auth/totp";

export const metadata: Metadata = { title: t("signInExtra.noticeTitle") };

/**
 * Where every sign-in lands: a security notice left for the owner (the second step was paused
 * by wrong codes) is shown once, and someone who came in with a recovery code is sent to enrol
 * a new second factor. Otherwise straight on to the home page.
 */
export default async function AfterSignInPage({ searchParams }: { searchParams: Promise<{ secours?: string | string[] }> }) {
  const session = await requireSession();
  const { secours } = await searchParams;
  const accountPage = session.account.kind === "patient" ? "/espace/compte" : "/pro/compte";
  const next = secours ? `${accountPage}?secours=1` : "/";
  // In with a recovery code: a new TOTP secret waits on the account page for the new phone.
  if (secours) await setPendingTotpSecret(session.account.id, newTotpSecret());
  const notice = await takeSecurityNotice(session.account.id);
  if (!notice) redirect(next);
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <PageHeader title={t("signInExtra.noticeTitle")} />
      <Alert tone="info">{t("signInExtra.noticePaused")}</Alert>
      <div>
        <ButtonLink href={next}>{t("signInExtra.continue")}</ButtonLink>
      </div>
    </div>
  );
}
