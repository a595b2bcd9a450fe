import { ACCOUNT_CHANGES } from "./account-change-lines";
import { DELEGATION_KIND_INFO, DELEGATION_KINDS } from "./delegation-kinds";
import { MEASURE_KIND_INFO, MEASURE_KINDS } from "./measure-kinds";

/**
 * What a person can be notified of, and how each kind reads in the portal. The texts say that
 * something happened, never what it was about: no names, documents, specialties or conditions,
 * so that a notification shown on a shared screen, or its e-mail, reveals nothing of the record.
 * Security kinds always go by e-mail as well, whatever the preferences (issue 15).
 */
export const NOTIFICATION_KINDS = [
  "pro-first-access",
  "emergency-access",
  "document-added",
  "link-opened",
  "link-locked",
  "link-dispensed",
  "link-partly-dispensed",
  ...DELEGATION_KINDS,
  ...MEASURE_KINDS,
  "new-sign-in",
  "recovery-sign-in",
  ...ACCOUNT_CHANGES,
  "prevention-due",
  "message-received",
  "message-answered-for-caregiver",
  "majority-approaching",
  "majority-guardian",
  "sharing-changed-for-you",
  "record-copied-for-you",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type KindInfo = {
  /** The sentence shown in the portal, to the person whose space it is. */
  text: string;
  /**
   * The same, about another person, for someone acting in her space (a guardian, a caregiver with
   * the history right) whose list holds that space's notices beside her own: `{person}` is the
   * name the page's banner already shows, so a notice reveals nothing more on a shared screen.
   * Side by side with `text` so that one is never reworded without the other (voice.ts).
   */
  theirs: string;
  /** The preference's label. */
  label: string;
  /** Always e-mailed, and marked so in the preferences. */
  security: boolean;
  /** Where the notification leads when the event gives no more precise page. */
  link: string;
};

export const KIND_INFO: Record<NotificationKind, KindInfo> = {
  "pro-first-access": {
    text: "Un professionnel de santé a consulté votre dossier pour la première fois.",
    theirs: "Un professionnel de santé a consulté le dossier de {person} pour la première fois.",
    label: "Première consultation de votre dossier par un professionnel",
    security: false,
    link: "/espace/historique",
  },
  "emergency-access": {
    text: "Votre dossier a été ouvert en accès d'urgence.",
    theirs: "Le dossier de {person} a été ouvert en accès d'urgence.",
    label: "Accès en urgence à votre dossier",
    security: true,
    link: "/espace/historique",
  },
  "document-added": {
    text: "Un professionnel de santé a ajouté un document à votre dossier.",
    theirs: "Un professionnel de santé a ajouté un document au dossier de {person}.",
    label: "Document ajouté par un professionnel",
    security: false,
    link: "/espace/documents",
  },
  "link-opened": {
    text: "Un lien de partage de votre ordonnance a été ouvert.",
    theirs: "Un lien de partage d'une ordonnance de {person} a été ouvert.",
    label: "Lien d'ordonnance ouvert",
    security: false,
    link: "/espace/ordonnances",
  },
  "link-locked": {
    text: "Un lien de partage de votre ordonnance a été bloqué après trop de codes erronés.",
    theirs: "Un lien de partage d'une ordonnance de {person} a été bloqué après trop de codes erronés.",
    label: "Lien d'ordonnance bloqué",
    security: false,
    link: "/espace/ordonnances",
  },
  "link-dispensed": {
    text: "Une ordonnance partagée par lien a été entièrement délivrée.",
    theirs: "Une ordonnance de {person} partagée par lien a été entièrement délivrée.",
    label: "Ordonnance entièrement délivrée",
    security: false,
    link: "/espace/ordonnances",
  },
  /** A dispensation recorded through a link that leaves something to hand over: the medicine left the pharmacy all the same. */
  "link-partly-dispensed": {
    text: "Une pharmacie a délivré une partie de votre ordonnance.",
    theirs: "Une pharmacie a délivré une partie d'une ordonnance de {person}.",
    label: "Ordonnance délivrée en partie",
    security: false,
    link: "/espace/ordonnances",
  },
  ...DELEGATION_KIND_INFO,
  ...MEASURE_KIND_INFO,
  "new-sign-in": {
    text: "Une connexion à votre compte a eu lieu depuis un nouveau navigateur.",
    theirs: "Une connexion au compte de {person} a eu lieu depuis un nouveau navigateur.",
    label: "Connexion depuis un nouveau navigateur",
    security: true,
    link: "/espace",
  },
  // note-recovery-sign-in.ts: a way in without the phone, which the owner who still has hers
  // must hear of, from a known browser too (found by a walk of the lost phone: nothing said it).
  "recovery-sign-in": {
    text: "Un de vos codes de secours a servi à vous connecter. Chaque code ne sert qu'une fois. Si ce n'était pas vous, changez votre mot de passe, fermez les sessions que vous ne reconnaissez pas et créez de nouveaux codes de secours dans « Mon compte ».",
    theirs: "Un code de secours a servi à se connecter au compte de {person}.",
    label: "Connexion avec un code de secours",
    security: true,
    link: "/espace/compte",
  },
  "second-factor-replaced": {
    text: "L'application d'authentification de votre compte a été remplacée. Si ce n'était pas vous, changez votre mot de passe et fermez les sessions que vous ne reconnaissez pas dans « Mon compte ».",
    theirs: "L'application d'authentification du compte de {person} a été remplacée.",
    label: "Remplacement de l'application d'authentification",
    security: true,
    link: "/espace/compte",
  },
  // The ways into the account (issue: every change to how it is opened is told to its owner). Each
  // is an account's own notice (account-change-notice.ts), never a space's: a guardian or a
  // caregiver does not see it, so `theirs` is only there for the rule that pairs it with `text`.
  "password-changed": {
    text: "Le mot de passe de votre compte a été changé. Si ce n'était pas vous, réinitialisez-le depuis la page de connexion (« Mot de passe oublié ? ») et fermez les sessions que vous ne reconnaissez pas dans « Mon compte ».",
    theirs: "Le mot de passe du compte de {person} a été changé.",
    label: "Changement du mot de passe",
    security: true,
    link: "/espace/compte",
  },
  "password-reset": {
    text: "Le mot de passe de votre compte a été réinitialisé. Les clés d'accès et identités numériques liées restent valables : vérifiez-les dans « Mon compte ». Si ce n'était pas vous, réinitialisez à nouveau votre mot de passe et retirez ce que vous ne reconnaissez pas.",
    theirs: "Le mot de passe du compte de {person} a été réinitialisé.",
    label: "Réinitialisation du mot de passe",
    security: true,
    link: "/espace/compte",
  },
  "passkey-added": {
    text: "Une clé d'accès a été ajoutée à votre compte. Si ce n'était pas vous, retirez-la dans « Mon compte » et changez votre mot de passe.",
    theirs: "Une clé d'accès a été ajoutée au compte de {person}.",
    label: "Ajout d'une clé d'accès",
    security: true,
    link: "/espace/compte",
  },
  "passkey-removed": {
    text: "Une clé d'accès a été retirée de votre compte. Si ce n'était pas vous, changez votre mot de passe et fermez les sessions que vous ne reconnaissez pas dans « Mon compte ».",
    theirs: "Une clé d'accès a été retirée du compte de {person}.",
    label: "Retrait d'une clé d'accès",
    security: true,
    link: "/espace/compte",
  },
  "recovery-codes-regenerated": {
    text: "De nouveaux codes de secours ont été créés pour votre compte ; les anciens ne fonctionnent plus. Si ce n'était pas vous, changez votre mot de passe, fermez les sessions que vous ne reconnaissez pas et créez de nouveaux codes dans « Mon compte ».",
    theirs: "De nouveaux codes de secours ont été créés pour le compte de {person}.",
    label: "Nouveaux codes de secours",
    security: true,
    link: "/espace/compte",
  },
  "identity-linked": {
    text: "Une identité numérique a été liée à votre compte : elle permet désormais de vous connecter. Si ce n'était pas vous, déliez-la dans « Mon compte » et changez votre mot de passe.",
    theirs: "Une identité numérique a été liée au compte de {person}.",
    label: "Identité numérique liée",
    security: true,
    link: "/espace/compte",
  },
  "identity-unlinked": {
    text: "Une identité numérique a été déliée de votre compte : elle ne permet plus de vous connecter. Si ce n'était pas vous, changez votre mot de passe et fermez les sessions que vous ne reconnaissez pas dans « Mon compte ».",
    theirs: "Une identité numérique a été déliée du compte de {person}.",
    label: "Identité numérique déliée",
    security: true,
    link: "/espace/compte",
  },
  // Read once the account is active again (recover-account.ts): the assistance removed its ways in.
  "second-factors-removed": {
    text: "À la suite d'une demande faite à l'assistance, le mot de passe, l'application d'authentification, les clés d'accès, les codes de secours et les identités numériques liées de votre compte ont été retirés, puis le compte a été réactivé. Si ce n'était pas vous, contactez sans attendre l'assistance.",
    theirs: "Les moyens de connexion du compte de {person} ont été retirés à la demande faite à l'assistance.",
    label: "Moyens de connexion retirés par l'assistance",
    security: true,
    link: "/espace/compte",
  },
  "prevention-due": {
    text: "Un rendez-vous de prévention est à prévoir.",
    theirs: "Un rendez-vous de prévention est à prévoir pour {person}.",
    label: "Prévention à prévoir",
    security: false,
    link: "/espace",
  },
  "majority-approaching": {
    text: "Vous aurez bientôt 18 ans : vous pourrez alors gérer vous-même votre espace santé. Activez votre compte avec le code reçu, ou demandez une lettre d'activation.",
    theirs: "{person} aura bientôt 18 ans : ce jour-là, son espace santé passera entre ses mains, et l'accès de ses représentants légaux prendra fin.",
    label: "Passage à la majorité",
    security: true,
    link: "/espace",
  },
  "majority-guardian": {
    text: "Un enfant dont vous exercez la représentation légale aura bientôt 18 ans : ce jour-là, votre accès à son espace prendra fin. S'il n'a pas reçu de code d'activation par e-mail, demandez pour lui une lettre d'activation.",
    theirs: "Un enfant dont {person} exerce la représentation légale aura bientôt 18 ans : ce jour-là, l'accès de {person} à l'espace de cet enfant prendra fin.",
    label: "Majorité d'un enfant",
    security: true,
    link: "/espace",
  },
  "sharing-changed-for-you": {
    text: "Une personne qui agit pour vous a modifié vos choix de partage : qui peut voir votre dossier, et comment.",
    theirs: "Une personne qui agit pour {person} a modifié ses choix de partage : qui peut voir son dossier, et comment.",
    label: "Choix de partage modifiés par une personne qui agit pour vous",
    security: true,
    link: "/espace/partage/historique",
  },
  "record-copied-for-you": {
    text: "Une personne qui agit pour vous a téléchargé une copie de votre dossier.",
    theirs: "Une personne qui agit pour {person} a téléchargé une copie de son dossier.",
    label: "Copie du dossier téléchargée par une personne qui agit pour vous",
    security: true,
    link: "/espace/historique",
  },
  "message-received": {
    text: "Vous avez reçu un nouveau message.",
    theirs: "{person} a reçu un nouveau message.",
    label: "Nouveau message",
    security: false,
    link: "/espace/messages",
  },
  // A caregiver's own notice (an account's, leading into the person's space: notify.ts `space`),
  // so only `text` is shown; `theirs` would read the same of her, should it ever be listed so.
  "message-answered-for-caregiver": {
    text: "Un professionnel de santé a répondu à un message que vous avez écrit pour une personne que vous aidez.",
    theirs: "Un professionnel de santé a répondu à un message écrit pour {person}.",
    label: "Réponse à un message que vous avez écrit pour une personne que vous aidez",
    security: false,
    link: "/espace/messages",
  },
};

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
