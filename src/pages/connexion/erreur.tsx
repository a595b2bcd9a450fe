import { Alert } from "@/components/alert";
import { ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { signInErrorProps } from "@/server/auth/reset-pages-props";

/** Served without runtime JavaScript, as the sign-in page is. */
export const config = { unstable_runtimeJS: false };

/** Where next-auth sends a failed sign-in: back to the code page it came from, or this message (reset-pages-props.ts). */
export const getServerSideProps = signInErrorProps;

export default function SignInErrorPage() {
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
