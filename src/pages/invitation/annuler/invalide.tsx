import { Alert } from "@/components/alert";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { openPage, type FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript: one sentence, where the one-click cancel's post lands with a forged or spent secret. */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = openPage<null>(() => ({ title: t("cancelInvitationPage.title"), data: null }));

export default function InvalidCancelPage({ title }: FramedProps<null>) {
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <PageHeader title={title} />
      <Alert tone="error">
        <p>{t("cancelInvitationPage.invalidAfterPost")}</p>
        <p className="mt-2">{t("cancelInvitationPage.invalidWhatToDo")}</p>
      </Alert>
    </div>
  );
}
