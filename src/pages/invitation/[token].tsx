import Link from "next/link";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { NotFoundView } from "@/components/not-found-view";
import { PageHeader } from "@/components/page-header";
import { TextField } from "@/components/text-field";
import { formatDay } from "@/lib/documents/format";
import type { GrammaticalSex } from "@/lib/fhir/grammatical-sex";
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

/** Agreed with the inviter's recorded sex; worded so that it need not agree when it is not known. */
const FOR_INVITER: Record<GrammaticalSex, string> = { female: "pour elle", male: "pour lui", unknown: "en son nom" };

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
      <PageHeader title={title} description={`${data.inviter} vous invite à agir ${FOR_INVITER[data.inviterSex]} dans son espace santé.`} />
      {data.error ? <Alert tone="error">{data.error}</Alert> : null}
      {data.state === "closed" ? (
        <Alert tone="error">{data.message}</Alert>
      ) : (
        <>
          <section aria-labelledby="droits" className="flex flex-col gap-2">
            <h2 id="droits" className="text-xl font-semibold">Ce que vous pourrez faire</h2>
            <p>{rightsInWords(data.scopes, "theirs")}, jusqu&apos;au {formatDay(data.endDay)} inclus.</p>
            <p>{t("relatives.messagesIncludedInvitee")}</p>
            <p>Après votre accord, l&apos;accès s&apos;ouvre au bout de 24 heures, sauf si la personne le confirme plus tôt ; elle peut l&apos;annuler à tout moment.</p>
          </section>
          {data.viewer.kind === "patient" ? (
            <form method="post" action="/api/invitation/accepter" className="flex flex-col gap-3">
              <input type="hidden" name="jeton" value={data.token} />
              <p>Vous utilisez le compte de {data.viewer.name}.</p>
              <div><Button type="submit">Accepter l&apos;invitation</Button></div>
            </form>
          ) : data.viewer.kind === "refused" ? (
            <div className="flex flex-col gap-3">
              <p>Vous utilisez le compte de {data.viewer.name}.</p>
              <Alert tone="info">{data.viewer.message}</Alert>
            </div>
          ) : data.viewer.kind === "practitioner" ? (
            <Alert tone="info">Un compte de professionnel ne peut pas accepter cette invitation.</Alert>
          ) : (
            <>
              <section aria-labelledby="deja" className="flex flex-col gap-2">
                <h2 id="deja" className="text-xl font-semibold">Vous avez déjà un compte</h2>
                <p>
                  <Link href="/connexion" className="font-semibold text-blue-800 underline">Connectez-vous</Link> avec l&apos;adresse {data.viewer.email}, puis rouvrez ce lien pour accepter.
                </p>
              </section>
              <section aria-labelledby="nouveau" className="flex flex-col gap-3">
                <h2 id="nouveau" className="text-xl font-semibold">Vous n&apos;avez pas encore de compte</h2>
                <p>Ouvrez-le ici : vous choisirez ensuite un mot de passe et une seconde vérification. Rouvrez ensuite ce lien pour accepter.</p>
                <form method="post" action="/api/invitation/compte" className="flex flex-col gap-4">
                  <input type="hidden" name="jeton" value={data.token} />
                  <TextField name="prenom" label="Votre prénom" autoComplete="given-name" maxLength={80} required />
                  <TextField name="nom" label="Votre nom" autoComplete="family-name" maxLength={80} required />
                  <TextField name="naissance" type="date" label="Votre date de naissance" autoComplete="bday" max={data.today} required />
                  <div><Button type="submit">Créer mon compte</Button></div>
                </form>
              </section>
            </>
          )}
        </>
      )}
    </div>
  );
}
