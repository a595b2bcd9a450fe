import { Alert } from "@/components/alert";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { openPage, type FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript: one sentence, where the invitation's forms send a malformed secret. */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = openPage<null>(() => ({ title: t("invitationPage.title"), data: null }));

export default function InvalidInvitationPage({ title }: FramedProps<null>) {
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <PageHeader title={title} />
      <Alert tone="error">{t("invitationPage.errors.unknown")}</Alert>
    </div>
  );
}
