import { ActivationExpired } from "@/components/account/activation-expired";
import { NewPasswordField } from "@/components/account/new-password-field";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-limits";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";
import { choosePasswordProps, type ChoosePasswordData } from "@/server/accounts/activation-page-props";
import type { FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as /activer is: a plain form. */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = choosePasswordProps;

/** Activation: the account's password, posted to /activer/etape/mot-de-passe. */
export default function ChoosePasswordPage({ data }: FramedProps<ChoosePasswordData>) {
  if (!data || data.expired) return <ActivationExpired signedIn={data?.signedIn ?? false} />;
  const error = data.error ?? undefined;
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("activation.passwordTitle")} description={t("activation.passwordIntro")} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      <form method="post" action="/activer/etape/mot-de-passe" className="flex flex-col gap-5">
        {/* Lets password managers file the new password under the right account. */}
        <input type="hidden" name="username" autoComplete="username" value={data.email} />
        <NewPasswordField name="password" label={t("activation.password")} error={error} />
        <TextField name="confirm" type="password" label={t("activation.passwordConfirm")} autoComplete="new-password" minLength={PASSWORD_MIN_LENGTH} maxLength={PASSWORD_MAX_LENGTH} required />
        <div>
          <Button type="submit">{t("activation.passwordSubmit")}</Button>
        </div>
      </form>
    </div>
  );
}
