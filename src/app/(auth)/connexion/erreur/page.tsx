import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/alert";
import { ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { SIGN_IN_ERRORS } from "@/server/auth/sign-in-errors";

export const metadata: Metadata = { title: t("signInError.title") };

/**
 * Where next-auth sends a failed sign-in. A refused code goes back to the page it was typed on
 * (the app's code page says whether the challenge can still take one; a recovery code, to the
 * recovery page); anything else gets a generic message.
 */
export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const { error } = await searchParams;
  if (error === SIGN_IN_ERRORS.code || error === SIGN_IN_ERRORS.challenge) redirect("/connexion/code?erreur=1");
  if (error === SIGN_IN_ERRORS.recovery) redirect("/connexion/secours?erreur=1");
  if (error === SIGN_IN_ERRORS.paused) redirect("/connexion/code?erreur=pause");
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("signInError.title")} />
      <Alert tone="error">{t("signInError.body")}</Alert>
      <div>
        <ButtonLink href="/connexion">{t("signInError.back")}</ButtonLink>
      </div>
    </div>
  );
}
