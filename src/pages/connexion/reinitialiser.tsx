import { NewPasswordField } from "@/components/account/new-password-field";
import { LinkEnded } from "@/components/account/link-ended";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { TextField } from "@/components/text-field";
import { t, type MessageKey } from "@/lib/i18n/messages";
import type { AccountLinkState } from "@/server/accounts/account-link-state";
import { resetPasswordProps, type ResetField, type ResetPasswordData } from "@/server/auth/reset-pages-props";
import type { FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as the sign-in page is: its address carries the reset token, and it loads nothing else. */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = resetPasswordProps;

const ENDED: Record<Exclude<AccountLinkState, "live">, MessageKey> = {
  used: "reset.linkUsed",
  superseded: "reset.linkSuperseded",
  expired: "reset.linkExpired",
  exhausted: "reset.linkExhausted",
  unknown: "reset.linkUnknown",
};

/**
 * The reset link's page: a new password and the second factor (or a recovery code). A link that
 * can no longer serve says what became of it: once used, the new password is the one to sign in
 * with; otherwise a new link is asked.
 */
export default function ResetPasswordPage({ data }: FramedProps<ResetPasswordData>) {
  if (!data || data.state !== "live" || !data.token) {
    const state = data && data.state !== "live" ? data.state : "unknown";
    const next = state === "used" ? { href: "/connexion", label: t("reset.signIn") } : { href: "/connexion/oubli", label: t("reset.askAgain") };
    return <LinkEnded title={t("reset.linkEndedTitle")} message={t(ENDED[state])} next={next} />;
  }
  const error = data.error ? t(data.error) : undefined;
  // The field a refusal names is marked invalid and reads it, not only the notice at the top.
  const errorOf = (field: ResetField) => (data.errorField === field ? error : undefined);
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("reset.newTitle")} description={t("activation.passwordIntro")} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      <form method="post" action="/connexion/oubli/changer" className="flex flex-col gap-5">
        <input type="hidden" name="token" value={data.token} />
        <NewPasswordField name="newPassword" label={t("account.newPassword")} error={errorOf("newPassword")} />
        <TextField name="code" label={t("account.secondFactorCode")} autoComplete="one-time-code" error={errorOf("code")} maxLength={16} required />
        <div>
          <Button type="submit">{t("reset.submit")}</Button>
        </div>
      </form>
    </div>
  );
}
