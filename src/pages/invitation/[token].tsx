import Link from "next/link";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { NotFoundView } from "@/components/not-found-view";
import { PageHeader } from "@/components/page-header";
import { SwitchSpaceForm } from "@/components/relatives/switch-space-form";
import { TextField } from "@/components/text-field";
import { formatDay } from "@/lib/documents/format";
import { rightsInWords } from "@/lib/delegations/rights";
import { t } from "@/lib/i18n/messages";
import { invitationPageProps, type InvitationPageData } from "@/server/delegations/invitation-pages-props";
import type { FramedProps } from "@/server/pages/framed-page";

/**
 * Served without runtime JavaScript, as the sign-in page is: plain forms, opened from an e-mail
 * on whatever phone the invitee has. The address holds the invitation's secret: the page sends
 * no referrer (security-headers.ts) and loads nothing from anywhere.
 */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = invitationPageProps;

/**
 * /invitation/<secret>: the invitee sees who invites them and with which rights, then accepts
 * (signed in) or opens an account first. Plain forms: works without JavaScript.
 */
export default function InvitationPage({ title, data }: FramedProps<InvitationPageData>) {
  if (!data) return <NotFoundView />;
  if (data.state === "unknown") {
    return (
      <div className="flex max-w-xl flex-col gap-6">
        <PageHeader title={title} />
        <Alert tone="error">{data.message}</Alert>
      </div>
    );
  }
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <PageHeader title={title} description={t(`invitationPage.invites.${data.inviterSex}`, { inviter: data.inviter })} />
      {data.error ? <Alert tone="error">{data.error}</Alert> : null}
      {data.state === "closed" ? (
        <Alert tone="error">{data.message}</Alert>
      ) : data.viewer.kind === "practitioner" ? (
        // No acceptance is possible from a professional's account: neither « Ce que vous pourrez
        // faire » nor a form, only why; said once (as the refusal, when a post came back).
        data.error ? null : <Alert tone="info">{t("invitationPage.practitioner")}</Alert>
      ) : (
        <>
          <section aria-labelledby="droits" className="flex flex-col gap-2">
            <h2 id="droits" className="text-xl font-semibold">{t("invitationPage.rightsTitle")}</h2>
            <p>{t("invitationPage.rightsUntil", { rights: rightsInWords(data.scopes, "theirs"), date: formatDay(data.endDay) })}</p>
            <p>{t("relatives.messagesIncludedInvitee")}</p>
            <p>{t("invitationPage.afterAgreement")}</p>
          </section>
          {/* After « Revenir à mon espace pour accepter »: the page reloaded with the button in place of the
              switch and said nothing of it; a status, which takes the focus (Alert), says it happened. */}
          {data.viewer.kind === "patient" && data.switchedBack ? <Alert tone="success">{t("invitationPage.backInOwnSpace")}</Alert> : null}
          {data.viewer.kind === "patient" ? (
            <form method="post" action="/api/invitation/accepter" className="flex flex-col gap-3">
              <input type="hidden" name="jeton" value={data.token} />
              <p>{t("invitationPage.usingAccount", { name: data.viewer.name })}</p>
              <div><Button type="submit">{t("invitationPage.accept")}</Button></div>
            </form>
          ) : data.viewer.kind === "elsewhere" ? (
            // Acting in another's space: why no button, and the way back to her own space, then here.
            <div className="flex flex-col gap-3">
              <p>{t("invitationPage.usingAccount", { name: data.viewer.name })}</p>
              <Alert tone="info">{t("invitationPage.elsewhere")}</Alert>
              <SwitchSpaceForm patientId={data.viewer.selfPatientId} retour={`/invitation/${data.token}`}>
                <Button type="submit">{t("invitationPage.backToOwnSpace")}</Button>
              </SwitchSpaceForm>
            </div>
          ) : data.viewer.kind === "refused" ? (
            <div className="flex flex-col gap-3">
              <p>{t("invitationPage.usingAccount", { name: data.viewer.name })}</p>
              <Alert tone="info">{data.viewer.message}</Alert>
            </div>
          ) : (
            <>
              <section aria-labelledby="deja" className="flex flex-col gap-2">
                <h2 id="deja" className="text-xl font-semibold">{t("invitationPage.haveAccountTitle")}</h2>
                <p>
                  <Link href="/connexion" className="font-semibold text-blue-800 underline">{t("invitationPage.signInLink")}</Link>
                  {t("invitationPage.signInRest", { email: data.viewer.email })}
                </p>
              </section>
              <section aria-labelledby="nouveau" className="flex flex-col gap-3">
                <h2 id="nouveau" className="text-xl font-semibold">{t("invitationPage.noAccountTitle")}</h2>
                <p>{t("invitationPage.noAccountIntro")}</p>
                <form method="post" action="/api/invitation/compte" className="flex flex-col gap-4">
                  <input type="hidden" name="jeton" value={data.token} />
                  <TextField name="prenom" label={t("invitationPage.given")} autoComplete="given-name" maxLength={80} required />
                  <TextField name="nom" label={t("invitationPage.family")} autoComplete="family-name" maxLength={80} required />
                  <TextField name="naissance" type="date" label={t("invitationPage.birthDate")} autoComplete="bday" max={data.today} required />
                  <div><Button type="submit">{t("invitationPage.createAccount")}</Button></div>
                </form>
              </section>
            </>
          )}
        </>
      )}
    </div>
  );
}
