import { ActivationExpired } from "@/components/account/activation-expired";
import { Alert } from "@/components/alert";
import { RecoveryCodeList } from "@/components/account/recovery-code-list";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { t } from "@/lib/i18n/messages";
import { recoveryCodesProps, type RecoveryCodesData } from "@/server/accounts/activation-page-props";
import type { FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as /activer is: a list and a plain form. */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = recoveryCodesProps;

/**
 * Activation: the ten recovery codes, made the first time this page is shown and never shown
 * again (only their hashes are kept). A reload shows none: the button still finishes, and the
 * page says where to make new ones rather than speak of « ces codes » above an empty space.
 */
export default function RecoveryCodesPage({ data }: FramedProps<RecoveryCodesData>) {
  if (!data || data.expired) return <ActivationExpired signedIn={data?.signedIn ?? false} />;
  const shown = data.codes.length > 0;
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <PageHeader title={t("activation.recoveryTitle")} description={shown ? t("activation.recoveryIntro") : undefined} />
      {shown ? <RecoveryCodeList codes={data.codes} /> : <Alert tone="info">{t("activation.recoveryShownBefore")}</Alert>}
      <form method="post" action="/activer/etape/terminer">
        <Button type="submit">{t(shown ? "activation.recoveryDone" : "activation.recoveryContinue")}</Button>
      </form>
    </div>
  );
}
