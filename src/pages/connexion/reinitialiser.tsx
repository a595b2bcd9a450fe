import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";
import { resetPasswordProps, type ResetPasswordData } from "@/server/auth/reset-pages-props";
import type { FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as the sign-in page is: its address carries the reset token, and it loads nothing else. */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = resetPasswordProps;

/** The reset link's page: a new password and the second factor (or a recovery code). */
export default function ResetPasswordPage({ data }: FramedProps<ResetPasswordData>) {
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("reset.newTitle")} description={t("activation.passwordIntro")} />
      {data?.error ? <Alert tone="error">{t(data.error)}</Alert> : null}
      {data?.token ? (
        <form method="post" action="/connexion/oubli/changer" className="flex flex-col gap-5">
          <input type="hidden" name="token" value={data.token} />
          <TextField name="newPassword" type="password" label={t("account.newPassword")} autoComplete="new-password" minLength={12} maxLength={256} required />
          <TextField name="code" label={t("account.secondFactorCode")} autoComplete="one-time-code" maxLength={16} required />
          <div>
            <Button type="submit">{t("reset.submit")}</Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
