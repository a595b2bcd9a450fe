import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";
import { activationPageProps, type ActivationPageData } from "@/server/accounts/activation-page-props";
import type { FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as the sign-in page is: on every new person's path, often on a phone. */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = activationPageProps;

/**
 * Opening an account: the activation code from the letter or e-mail, and the birth date on the
 * record for a patient. A plain form: works without JavaScript.
 */
export default function ActivationPage({ data }: FramedProps<ActivationPageData>) {
  const error = data?.error ? t(data.error) : undefined;
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("activation.title")} description={t("activation.intro")} />
      {/* The answer to the invitation's form (/api/invitation/compte), sent without JavaScript: it takes the focus so that it is read. */}
      {data?.sent ? (
        <Alert tone="info" takesFocus>
          {t("activation.codeSent")}
        </Alert>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <form method="post" action="/activer/etape/code" className="flex flex-col gap-5">
        <TextField name="code" label={t("activation.code")} hint={t("activation.codeHint")} autoComplete="off" spellCheck={false} maxLength={40} required defaultValue={data?.code ?? ""} />
        <TextField name="birthDate" type="date" label={t("activation.birthDate")} hint={t("activation.birthDateHint")} autoComplete="bday" defaultValue={data?.birthDate ?? ""} />
        <div>
          <Button type="submit">{t("activation.submit")}</Button>
        </div>
      </form>
    </div>
  );
}
