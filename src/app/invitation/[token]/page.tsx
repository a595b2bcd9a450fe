import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { TextField } from "@/components/text-field";
import { formatDay } from "@/lib/documents/format";
import { rightsInWords } from "@/lib/delegations/rights";
import { getCurrentSession } from "@/server/auth/current-session";
import { invitationView } from "@/server/delegations/invitation-view";

// The URL holds the invitation's secret: it must not leave in a Referer.
export const metadata: Metadata = { title: "Invitation d'un proche", referrer: "no-referrer" };

const ERRORS: Record<string, string> = {
  "own-invitation": "Vous ne pouvez pas accepter votre propre invitation.",
  "other-account": "Cette invitation a été envoyée à une autre adresse e-mail : connectez-vous avec le compte de cette adresse.",
  expired: "Cette invitation a expiré. Demandez à la personne de vous en envoyer une nouvelle.",
  used: "Cette invitation a déjà été utilisée.",
  cancelled: "Cette invitation a été annulée.",
  unknown: "Ce lien d'invitation n'est pas valable.",
  "not-own-space": "Revenez d'abord dans votre propre espace, puis rouvrez ce lien.",
  "email-taken": "Un compte existe déjà pour l'adresse invitée : connectez-vous avec ce compte, puis rouvrez ce lien.",
  formulaire: "Le formulaire est incomplet ou incorrect.",
  failed: "L'ouverture du compte n'a pas abouti. Réessayez plus tard.",
};

const STATES: Record<string, string> = { expired: ERRORS.expired!, accepted: ERRORS.used!, cancelled: ERRORS.cancelled! };

/**
 * /invitation/<secret>: the invitee sees who invites them and with which rights, then accepts
 * (signed in) or opens an account first. Plain forms: works without JavaScript.
 */
export default async function InvitationPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ erreur?: string | string[] }> }) {
  const { token } = await params;
  const { erreur } = await searchParams;
  const error = typeof erreur === "string" ? ERRORS[erreur] : undefined;
  const view = await invitationView(token);
  if (!view) {
    return (
      <div className="flex max-w-xl flex-col gap-6">
        <PageHeader title="Invitation d'un proche" />
        <Alert tone="error">{ERRORS.unknown}</Alert>
      </div>
    );
  }
  const session = await getCurrentSession();
  const closed = STATES[view.state];
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <PageHeader title="Invitation d'un proche" description={`${view.inviter} vous invite à agir pour elle ou lui dans son espace santé.`} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      {closed ? <Alert tone="error">{closed}</Alert> : (
        <>
          <section aria-labelledby="droits" className="flex flex-col gap-2">
            <h2 id="droits" className="text-xl font-semibold">Ce que vous pourrez faire</h2>
            <p>{rightsInWords(view.scopes)}, jusqu&apos;au {formatDay(view.endDay)} inclus.</p>
            <p>Après votre accord, l&apos;accès s&apos;ouvre au bout de 24 heures, sauf si la personne le confirme plus tôt ; elle peut l&apos;annuler à tout moment.</p>
          </section>
          {session?.account.kind === "patient" ? (
            <form method="post" action="/api/invitation/accepter" className="flex flex-col gap-3">
              <input type="hidden" name="jeton" value={token} />
              <p>Vous êtes connecté(e) en tant que {session.account.displayName}.</p>
              <div><Button type="submit">Accepter l&apos;invitation</Button></div>
            </form>
          ) : session ? (
            <Alert tone="info">Un compte de professionnel ne peut pas accepter cette invitation.</Alert>
          ) : (
            <>
              <section aria-labelledby="deja" className="flex flex-col gap-2">
                <h2 id="deja" className="text-xl font-semibold">Vous avez déjà un compte</h2>
                <p>
                  <Link href="/connexion" className="font-semibold text-blue-800 underline">Connectez-vous</Link> avec l&apos;adresse {view.email}, puis rouvrez ce lien pour accepter.
                </p>
              </section>
              <section aria-labelledby="nouveau" className="flex flex-col gap-3">
                <h2 id="nouveau" className="text-xl font-semibold">Vous n&apos;avez pas encore de compte</h2>
                <p>Ouvrez-le ici : vous choisirez ensuite un mot de passe et une seconde vérification. Rouvrez ensuite ce lien pour accepter.</p>
                <form method="post" action="/api/invitation/compte" className="flex flex-col gap-4">
                  <input type="hidden" name="jeton" value={token} />
                  <TextField name="prenom" label="Votre prénom" autoComplete="given-name" maxLength={80} required />
                  <TextField name="nom" label="Votre nom" autoComplete="family-name" maxLength={80} required />
                  <TextField name="naissance" type="date" label="Votre date de naissance" autoComplete="bday" required />
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
