import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";
import { forgottenPasswordProps, type ForgottenPasswordData } from "@/server/auth/reset-pages-props";
import type { FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as the sign-in page is: a plain form. */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = forgottenPasswordProps;

/** Forgotten password: the address to send the link to. The answer never says whether it has an account. */
export default function ForgottenPasswordPage({ data }: FramedProps<ForgottenPasswordData>) {
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("reset.title")} description={t("reset.intro")} />
      {/* The answer to the form, sent without JavaScript: it takes the focus so that it is read (Alert says why); an info box does not by default. */}
      {data?.sent ? (
        <Alert tone="info" takesFocus>
          {t("reset.sent")}
        </Alert>
      ) : null}
      {data?.invalid ? <Alert tone="error">{t("reset.invalidEmail")}</Alert> : null}
      <form method="post" action="/connexion/oubli/envoyer" className="flex flex-col gap-5">
        <TextField name="email" type="email" label={t("signIn.email")} autoComplete="username" required maxLength={254} defaultValue={data?.email ?? ""} autoFocus={data?.invalid} />
        <div>
          <Button type="submit">{t("reset.send")}</Button>
        </div>
      </form>
    </div>
  );
}
