import { Alert } from "@/components/alert";
import { ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { afterSignInProps, type AfterSignInData } from "@/server/auth/after-sign-in-props";
import type { FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as the sign-in page is: on every sign-in's path. */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = afterSignInProps;

/** Where every sign-in lands (after-sign-in-props.ts): the security notice, shown once, when there is one. */
export default function AfterSignInPage({ data }: FramedProps<AfterSignInData>) {
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <PageHeader title={t("signInExtra.noticeTitle")} />
      <Alert tone="info">{t("signInExtra.noticePaused")}</Alert>
      <div>
        <ButtonLink href={data?.next ?? "/"}>{t("signInExtra.continue")}</ButtonLink>
      </div>
    </div>
  );
}
