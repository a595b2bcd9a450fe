import "@/server/server-only";
import { letter } from "../mail/letter";
import type { OutgoingEmail } from "../mail/outgoing-email";

/**
 * The e-mails of delegations that carry a link (the invitation, the patient's one-click
 * cancel). Fixed sentences only: no name of either person, no health information, in the
 * subject or the body; the page behind the link says who invites whom.
 */
export const INVITATION_SUBJECT = "Invitation à agir pour un proche dans son espace santé";

export function invitationEmail(to: string, appUrl: string, secret: string, invitationId: string): OutgoingEmail {
  const base = appUrl.replace(/\/+$/, "");
  const text = letter([
    "Une personne vous invite à agir pour elle dans son espace santé.",
    "",
    `Pour voir l'invitation et l'accepter : ${base}/invitation/${secret}`,
    "",
    "Ce lien est valable 7 jours et ne sert qu'une fois. Si vous n'attendiez pas cette invitation, ignorez ce message.",
  ]);
  return { to, subject: INVITATION_SUBJECT, text, kind: "delegation-invitation", dedupeKey: `delegation-invitation:${invitationId}` };
}

/**
 * The activation code of an account opened from an invitation, to the invited address: the
 * proof that whoever opens it holds that mailbox (open-caregiver-account.ts). Each opening makes
 * a new code and the older stops working, so each is sent: a dedupe key would keep the one that
 * no longer works.
 */
export function caregiverCodeEmail(to: string, appUrl: string, code: string): OutgoingEmail {
  const base = appUrl.replace(/\/+$/, "");
  const text = letter([
    "Vous avez commencé à ouvrir un compte Mon espace santé depuis une invitation.",
    "",
    `Votre code d'activation : ${code}`,
    "",
    `Saisissez-le sur ${base}/activer, avec la date de naissance que vous avez indiquée. Il est valable 72 heures et ne sert qu'une fois.`,
    "",
    "Si vous n'avez rien demandé, ignorez ce message : aucun compte ne sera ouvert sans ce code.",
  ]);
  return { to, subject: "Votre code pour ouvrir votre compte", text, kind: "delegation-account-code" };
}

/** The lines added to the patient's notice e-mail: cancel in one click, without signing in. */
export function cancelLines(appUrl: string, cancelSecret: string): string[] {
  const base = appUrl.replace(/\/+$/, "");
  return [
    "Si vous n'êtes pas à l'origine de cette délégation, ou si on vous l'a imposée, annulez-la en un clic, sans vous connecter :",
    `${base}/invitation/annuler/${cancelSecret}`,
  ];
}
