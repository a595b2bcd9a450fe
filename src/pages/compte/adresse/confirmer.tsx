import { LinkEnded } from "@/components/account/link-ended";
import { Button } from "@/components/button";
import { NotFoundView } from "@/components/not-found-view";
import { PageHeader } from "@/components/page-header";
import { t, type MessageKey } from "@/lib/i18n/messages";
import type { EmailChangeLinkState } from "@/server/accounts/account-link-state";
import { confirmEmailPageProps, type ConfirmEmailPageData } from "@/server/accounts/confirm-email-page-props";
import type { FramedProps } from "@/server/pages/framed-page";

/** Served without runtime JavaScript, as the sign-in page is: one button, opened from an e-mail. */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = confirmEmailPageProps;

const ENDED: Record<Exclude<EmailChangeLinkState, "live">, MessageKey> = {
  used: "account.emailLinkUsed",
  superseded: "account.emailLinkSuperseded",
  expired: "account.emailLinkExpired",
  exhausted: "account.emailLinkExhausted",
  unknown: "account.emailLinkUnknown",
  taken: "account.emailLinkTaken",
};

/**
 * The link sent to the new address opens this page; a button posts the confirmation (nothing
 * changes on a GET, so a mail scanner that follows links confirms nothing). A link that can no
 * longer serve says what became of it: once used, the address is the account's, so signing in
 * is next; otherwise a new change is asked from the account page (with another address, when
 * this one can no longer become the account's).
 */
export default function ConfirmEmailPage({ data }: FramedProps<ConfirmEmailPageData>) {
  if (!data) return <NotFoundView />;
  if (data.state !== "live") {
    const next = data.state === "used" ? { href: "/connexion", label: t("account.emailLinkSignIn") } : { href: "/espace/compte", label: t("account.emailLinkToAccount") };
    return <LinkEnded title={t("account.emailLinkEndedTitle")} message={t(ENDED[data.state])} next={next} />;
  }
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={t("account.emailConfirmTitle")} description={data.address ? t("account.emailConfirmIntroOf", { address: data.address }) : t("account.emailConfirmIntro")} />
      <form method="post" action="/compte/adresse/confirmer/envoyer">
        <input type="hidden" name="token" value={data.token} />
        <Button type="submit">{t("account.emailConfirmSubmit")}</Button>
      </form>
    </div>
  );
}
