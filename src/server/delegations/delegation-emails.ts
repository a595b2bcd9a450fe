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
export function caregiverCodeEmail(to: string, appUrl: string, code: string, releaseUrl: string): OutgoingEmail {
  const base = appUrl.replace(/\/+$/, "");
  const text = letter([
    "Vous avez commencé à ouvrir un compte Mon espace santé depuis une invitation.",
    "",
    `Votre code d'activation : ${code}`,
    "",
    `Saisissez-le sur ${base}/activer, avec la date de naissance que vous avez indiquée. Il est valable 72 heures et ne sert qu'une fois.`,
    "",
    "Si vous n'avez rien demandé, aucun compte ne sera ouvert sans ce code.",
    ...releaseLines(releaseUrl),
  ]);
  return { to, subject: "Votre code pour ouvrir votre compte", text, kind: "delegation-account-code" };
}

/**
 * To an address whose account is being opened from one invitation, when the link of another was
 * used to open it again: nothing of that account changed, its code still works. Says neither who
 * invited nor what for (the invitation's own e-mail does), so it tells the mailbox nothing more
 * than the invitations themselves. At most one an hour per address (`dedupeKey`).
 */
export function accountAlreadyOpeningEmail(to: string, appUrl: string, now: Date, releaseUrl: string): OutgoingEmail {
  const base = appUrl.replace(/\/+$/, "");
  const text = letter([
    "Quelqu'un a voulu ouvrir un compte Mon espace santé à votre adresse depuis une invitation, alors qu'un compte y est déjà en cours d'ouverture depuis une autre invitation. Rien n'a changé de ce compte.",
    "",
    `Pour le terminer, saisissez sur ${base}/activer le code d'activation déjà reçu, avec la date de naissance indiquée alors. S'il ne fonctionne plus, rouvrez le lien de cette première invitation pour en recevoir un nouveau.`,
    "",
    "Une fois votre compte ouvert, chaque invitation reçue s'accepte depuis son propre lien.",
    "",
    ...releaseLines(releaseUrl),
  ]);
  return { to, subject: "Un compte est déjà en cours d'ouverture à votre adresse", text, kind: "delegation-account-opening", dedupeKey: `account-opening:${to}:${Math.floor(now.getTime() / 3_600_000)}` };
}

/**
 * The way out when someone else began opening the account at this address (from their own
 * invitation's link, with a birth date the mailbox's holder does not know): the single-use link
 * of release-account-opening.ts. The page behind it explains and asks for a click.
 */
function releaseLines(releaseUrl: string): string[] {
  return [
    "Si ce n'est pas vous qui avez commencé cette ouverture de compte, annulez-la ici, puis rouvrez le lien de votre invitation pour recevoir un nouveau code :",
    releaseUrl,
  ];
}

/** The lines added to the patient's notice e-mail: cancel in one click, without signing in. */
export function cancelLines(appUrl: string, cancelSecret: string): string[] {
  const base = appUrl.replace(/\/+$/, "");
  return [
    "Si vous n'êtes pas à l'origine de cette délégation, ou si on vous l'a imposée, annulez-la en un clic, sans vous connecter :",
    `${base}/invitation/annuler/${cancelSecret}`,
  ];
}
