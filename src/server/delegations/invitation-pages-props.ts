import "@/server/server-only";
import type { GrammaticalSex } from "@/lib/fhir/grammatical-sex";
import { now } from "../clock";
import { todayInParis } from "../prevention/days";
import { idOfRef } from "../auth/resolve-actor";
import { findAccountByEmail } from "../db/account-store";
import { openPage } from "../pages/framed-page";
import { queryValue } from "../pages/query-page";
import { invitationForCancelSecret } from "./cancel-invitation";
import { invitationView } from "./invitation-view";

/**
 * The getServerSideProps of the pages an invitation's e-mails link to, open to whoever holds the
 * link (the secret in the address is the permission; security-headers.ts sends them without a
 * referrer). A GET only shows: accepting, opening an account and cancelling are the forms'
 * posts, so a mail scanner following the link spends nothing, and an App Router prefetch is
 * answered 204 before the secret is even looked up (framed-page.ts).
 */

const INVITATION_TITLE = "Invitation d'un proche";
const CANCEL_TITLE = "Annuler une délégation";

/** The codes the invitation's forms come back with (?erreur=…), each with its words. */
const ERRORS: Record<string, string> = {
  "own-invitation": "Vous ne pouvez pas accepter votre propre invitation.",
  "other-account": "Cette invitation a été envoyée à une autre adresse e-mail : connectez-vous avec le compte de cette adresse.",
  "already-acting":
    "Vous agissez déjà pour cette personne : une seconde délégation n'est pas possible. Pour changer vos droits ou la date de fin, elle modifie votre délégation depuis son espace.",
  expired: "Cette invitation a expiré. Demandez à la personne de vous en envoyer une nouvelle.",
  used: "Cette invitation a déjà été utilisée.",
  cancelled: "Cette invitation a été annulée.",
  unknown: "Ce lien d'invitation n'est pas valable.",
  "not-own-space": "Revenez d'abord dans votre propre espace, puis rouvrez ce lien.",
  "email-taken": "Un compte existe déjà pour l'adresse invitée : connectez-vous avec ce compte, puis rouvrez ce lien.",
  naissance: "La date de naissance ne peut pas être dans le futur : vérifiez-la.",
  formulaire: "Le formulaire est incomplet ou incorrect.",
  failed: "L'ouverture du compte n'a pas abouti. Réessayez plus tard.",
};

/** Why an invitation can no longer be accepted, by its state. */
const CLOSED: Record<string, string> = { expired: ERRORS.expired!, accepted: ERRORS.used!, cancelled: ERRORS.cancelled! };

/**
 * Who opens the link: a patient accepts with a button, a professional cannot, a visitor signs in
 * or opens an account. A patient whose account is not the invited address's (or who sent the
 * invitation) is told so at once, with no button: the accept route would refuse them anyway.
 */
export type InvitationViewer =
  | { kind: "patient"; name: string }
  | { kind: "refused"; name: string; message: string }
  | { kind: "practitioner" }
  | { kind: "visitor"; email: string };

/**
 * What the invitation page shows. `unknown`: a malformed or unknown secret, nothing of any
 * invitation. `closed`: who invited, and why it cannot be accepted any more (expired, used,
 * cancelled), without its rights, its address or its secret. `open`: the rights, the last day
 * and the forms, which carry the secret back in their body.
 */
export type InvitationPageData =
  | { state: "unknown"; message: string }
  | { state: "closed"; inviter: string; inviterSex: GrammaticalSex; error: string | null; message: string }
  | { state: "open"; inviter: string; inviterSex: GrammaticalSex; error: string | null; scopes: string[]; endDay: string; token: string; viewer: InvitationViewer; today: string };

/** A code of the forms' own, by an own key (not one of the object's prototype); anything else says nothing. */
const errorFor = (code: string | undefined): string | null => (code !== undefined && Object.hasOwn(ERRORS, code) ? ERRORS[code]! : null);

/** /invitation/<secret>: the secret's shape is checked before anything, then its hash looked up (invitation-view.ts). */
export const invitationPageProps = openPage<InvitationPageData>(async ({ params, query }, _headers, sessionPromise) => {
  const token = typeof params?.token === "string" ? params.token : "";
  const view = await invitationView(token);
  if (!view) return { title: INVITATION_TITLE, data: { state: "unknown", message: ERRORS.unknown! } };
  const error = errorFor(queryValue(query.erreur));
  const closed = CLOSED[view.state];
  if (closed) return { title: INVITATION_TITLE, data: { state: "closed", inviter: view.inviter, inviterSex: view.inviterSex, error, message: closed } };
  const session = await sessionPromise;
  const viewer: InvitationViewer = !session
    ? { kind: "visitor", email: view.email }
    : session.account.kind === "patient"
      ? await patientViewer(session.account, view)
      : { kind: "practitioner" };
  return { title: INVITATION_TITLE, data: { state: "open", inviter: view.inviter, inviterSex: view.inviterSex, error, scopes: view.scopes, endDay: view.endDay, token, viewer, today: todayInParis(now()) } };
});

/** The two refusals of acceptRefusal() that depend on who is signed in, said before any click. */
async function patientViewer(account: { id: string; fhirRef: string; displayName: string }, view: { email: string; patientId: string }): Promise<InvitationViewer> {
  const name = account.displayName;
  if (idOfRef(account.fhirRef, "Patient") === view.patientId) return { kind: "refused", name, message: ERRORS["own-invitation"]! };
  if ((await findAccountByEmail(view.email))?.id !== account.id) return { kind: "refused", name, message: WRONG_ACCOUNT };
  return { kind: "patient", name };
}

const WRONG_ACCOUNT =
  "Cette invitation a été envoyée à une autre adresse e-mail que celle de ce compte : pour l'accepter, déconnectez-vous, puis connectez-vous avec le compte de l'adresse invitée (ou ouvrez-en un depuis ce lien).";

/** What the one-click cancel page shows: the button (with its secret and whether the invitation was accepted), or that the link is not valid. */
export type CancelPageData = { valid: true; token: string; accepted: boolean } | { valid: false };

/** /invitation/annuler/<secret>: shape checked, hash looked up, a cancelled one refused (cancel-invitation.ts); the POST cancels. */
export const cancelPageProps = openPage<CancelPageData>(async ({ params }) => {
  const token = typeof params?.token === "string" ? params.token : "";
  const invitation = await invitationForCancelSecret(token);
  return { title: CANCEL_TITLE, data: invitation ? { valid: true, token, accepted: invitation.acceptedAt !== null } : { valid: false } };
});
