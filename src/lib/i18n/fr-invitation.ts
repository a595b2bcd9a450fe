/**
 * The words of the invitation pages, opened from an e-mail: /invitation/<secret> (who invites,
 * with which rights, then accept or open an account), /invitation/invalide, and the one-click
 * cancel /invitation/annuler/… and the release of an account opening /invitation/ouverture/… .
 * They speak to the invitee, or to the inviter for the cancel.
 */
/** Said to a professional's account, on the page and as the refusal of its post: the same words. */
const PROFESSIONAL = "Un compte de professionnel ne peut pas accepter l'invitation d'un proche. Pour agir pour cette personne, demandez-lui une invitation à votre adresse e-mail personnelle.";

export const frInvitation = {
  invitationPage: {
    title: "Invitation d'un proche",
    /** Agreed with the inviter's recorded sex; worded so that it need not agree when it is not known. */
    invites: {
      female: "{inviter} vous invite à agir pour elle dans son espace santé.",
      male: "{inviter} vous invite à agir pour lui dans son espace santé.",
      unknown: "{inviter} vous invite à agir en son nom dans son espace santé.",
    },
    rightsTitle: "Ce que vous pourrez faire",
    // A sentence of its own: the rights' words begin in lower case (« voir ses documents »), which
    // began the paragraph under « Ce que vous pourrez faire » (a walk of the invitation).
    rightsUntil: "Vous pourrez {rights}, jusqu'au {date} inclus.",
    afterAgreement: "Après votre accord, l'accès s'ouvre au bout de 24 heures, sauf si la personne le confirme plus tôt ; elle peut l'annuler à tout moment.",
    usingAccount: "Vous utilisez le compte de {name}.",
    accept: "Accepter l'invitation",
    /**
     * A professional's account that opens the link (one made before such addresses were refused
     * at invitation, invite-caregiver.ts), or posts its form anyway (?erreur=professional): no
     * acceptance is possible from it, and nothing says more of the invitation.
     */
    practitioner: PROFESSIONAL,
    haveAccountTitle: "Vous avez déjà un compte",
    // The link's words, then the rest of the sentence after it.
    signInLink: "Connectez-vous",
    signInRest: " avec l'adresse {email}, puis rouvrez ce lien pour accepter.",
    noAccountTitle: "Vous n'avez pas encore de compte",
    noAccountIntro: "Ouvrez-le ici : vous choisirez un mot de passe et une seconde vérification, puis vous reviendrez sur cette invitation pour l'accepter.",
    given: "Votre prénom",
    family: "Votre nom",
    birthDate: "Votre date de naissance",
    createAccount: "Créer mon compte",
    /**
     * Signed in with the invited address's account, but acting in another person's space (a
     * relative's, a child's): accepting is done from one's own space. The button switches back
     * and comes back to this page, where the accept button then shows.
     */
    elsewhere: "Vous agissez en ce moment dans l'espace d'une autre personne. Pour accepter cette invitation, revenez d'abord dans votre propre espace : vous reviendrez ensuite sur cette page.",
    backToOwnSpace: "Revenir à mon espace pour accepter",
    /** Once that switch brought her back here (?espace=revenu): what changed, said where the focus lands. */
    backInOwnSpace: "Vous êtes de nouveau dans votre propre espace : vous pouvez maintenant accepter l'invitation.",
    /** Signed in with another account than the invited address's (the page's own words, not a form's answer). */
    wrongAccount:
      "Cette invitation a été envoyée à une autre adresse e-mail que celle de ce compte : pour l'accepter, déconnectez-vous, puis connectez-vous avec le compte de l'adresse invitée (ou ouvrez-en un depuis ce lien).",
    /** The codes the invitation's forms come back with (?erreur=…), and why it can no longer be accepted (invitation-pages-props.ts). */
    errors: {
      "own-invitation": "Vous ne pouvez pas accepter votre propre invitation.",
      "other-account": "Cette invitation a été envoyée à une autre adresse e-mail : connectez-vous avec le compte de cette adresse.",
      "already-acting":
        "Vous agissez déjà pour cette personne : une seconde délégation n'est pas possible. Pour changer vos droits ou la date de fin, elle modifie votre délégation depuis son espace.",
      expired: "Cette invitation a expiré. Demandez à la personne de vous en envoyer une nouvelle.",
      used: "Cette invitation a déjà été utilisée.",
      cancelled: "Cette invitation a été annulée.",
      /** The invitee let go of the account opening begun from this link (release-account-opening.ts). */
      declined: "La personne invitée a refusé cette invitation : son lien ne fonctionne plus.",
      unknown: "Ce lien d'invitation n'est pas valable.",
      "not-own-space": "Revenez d'abord dans votre propre espace, puis rouvrez ce lien.",
      professional: PROFESSIONAL,
      naissance: "La date de naissance ne peut pas être dans le futur : vérifiez-la.",
      formulaire: "Le formulaire est incomplet ou incorrect.",
      failed: "L'ouverture du compte n'a pas abouti. Réessayez plus tard.",
      limited: "Un code d'activation a déjà été envoyé plusieurs fois dans l'heure à l'adresse invitée. Utilisez le dernier code reçu, ou réessayez dans une heure.",
    },
  },
  cancelInvitationPage: {
    title: "Annuler une délégation",
    accepted: "La personne invitée a accepté. En annulant, elle ne pourra plus rien faire dans votre espace, dès maintenant.",
    notAccepted: "L'invitation n'a pas encore été acceptée. En annulant, son lien ne fonctionnera plus.",
    submit: "Annuler la délégation",
    invalid: "Ce lien d'annulation n'est pas valable ou a déjà servi.",
    doneTitle: "Délégation annulée",
    done: "C'est fait : la délégation est annulée et ne donne plus aucun accès à votre espace.",
    invalidAfterPost: "Ce lien d'annulation n'est pas valable ou a déjà servi : rien n'a changé.",
    // Beside either refusal. The invitation's first e-mail holds a link that the acceptance's e-mail
    // replaces: opened after, it only said « pas valable », with the delegation still running (a walk of the invitation).
    invalidWhatToDo:
      "Quand la personne invitée accepte, un nouvel e-mail vous donne un nouveau lien d'annulation, qui remplace le précédent : utilisez le plus récent. Vous pouvez aussi vous connecter et retirer la délégation dans « Proches et délégations ».",
  },
  /** /invitation/ouverture/… : the invitee lets go of an account opening someone else began at their address. */
  releaseOpeningPage: {
    title: "Annuler cette ouverture de compte",
    explain: "Quelqu'un a commencé à ouvrir un compte à votre adresse e-mail depuis une invitation. Si ce n'est pas vous, ou si vous ne pouvez pas terminer (code perdu, date de naissance que vous ne reconnaissez pas), annulez cette ouverture.",
    after: "Le code déjà envoyé ne fonctionnera plus. Rouvrez ensuite le lien de votre invitation et saisissez vos informations : un nouveau code vous sera envoyé.",
    /**
     * When an open invitation holds the opening ({inviter}: who sent it, as that invitation's own
     * page, behind the link of its e-mail, names her): his own opening is taken up again from its link, a stranger's is declined.
     */
    explainFrom: "Quelqu'un a commencé à ouvrir un compte à votre adresse e-mail depuis une invitation envoyée par {inviter}.",
    ifYours: "Si c'est vous (code perdu, date de naissance mal saisie), n'annulez rien : rouvrez le lien de cette invitation et saisissez de nouveau vos informations, un nouveau code vous sera envoyé.",
    ifNotYours: "Si vous ne reconnaissez pas cette invitation, annulez cette ouverture. Vous refuserez ainsi l'invitation envoyée par {inviter} : son lien n'ouvrira plus rien, et le code déjà envoyé ne fonctionnera plus. Rouvrez ensuite le lien de l'invitation que vous attendez : un nouveau code vous sera envoyé.",
    submit: "Annuler cette ouverture de compte",
    invalid: "Ce lien n'est pas valable ou a déjà servi, ou le compte est déjà ouvert.",
    doneTitle: "Ouverture de compte annulée",
    done: "C'est fait : l'ouverture de compte est annulée. Rouvrez le lien de votre invitation pour ouvrir votre compte et recevoir un nouveau code.",
    /** After the release, when it declined invitations ({inviter}: who sent them, as the release page named her before the button was pressed). */
    declinedOne: "L'invitation envoyée par {inviter} a été refusée : son lien n'ouvrira plus rien.",
    declinedSeveral: "Les invitations envoyées par {inviter} ont été refusées : leurs liens n'ouvriront plus rien.",
    invalidAfterPost: "Ce lien n'est pas valable ou a déjà servi, ou le compte est déjà ouvert : rien n'a changé.",
  },
};
