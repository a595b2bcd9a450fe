/**
 * The words of « Proches et délégations » (/espace/proches, a delegation's page
 * /espace/proches/<id>, the invitation form) that speak of whoever reads the page, or of the
 * people listed by name; those that speak of the person whose space it is, in both voices, are
 * fr-relatives.ts's.
 */
export const frRelativesPage = {
  relativesPage: {
    title: "Proches et délégations",
    caregiverOnly: "Vous agissez pour une autre personne : seule elle (ou son représentant légal) gère ses délégations.",
    /** The invitation just created: its link to copy, shown once. */
    linkTitle: "Lien d'invitation à copier",
    linkIntro: "Ce lien n'est affiché qu'ici, quelques minutes. Il ne sert qu'une fois et expire dans 7 jours.",
    linkLabel: "Lien d'invitation",
    linkCopy: "Copier le lien",
    linkCopied: "Lien copié.",
    linkCopyFailed: "La copie n'a pas marché : le lien est sélectionné, copiez-le vous-même.",
    /** What became of it, when its link no longer serves (« {list} »: the heading of the list of those who act for the space). */
    linkEndedTitle: "Lien d'invitation",
    linkAccepted: "{invitee} a déjà accepté l'invitation : son lien a servi et ne fonctionne plus. Sa délégation figure parmi « {list} ».",
    linkCancelled: "L'invitation de {invitee} a été annulée : son lien ne fonctionne plus. Pour l'inviter de nouveau, créez une nouvelle invitation.",
    linkDeclined: "{invitee} a refusé l'invitation : son lien ne fonctionne plus.",
    linkExpired: "L'invitation de {invitee} a expiré : son lien ne fonctionne plus. Pour l'inviter de nouveau, créez une nouvelle invitation.",
    /** The notice a form came back with (?message=…, relatives-notices.ts); « en-pause » is in the reader's voice (relatives.widenedNotice). */
    notices: {
      invite: "Invitation envoyée par e-mail. Vous pouvez aussi copier le lien ci-dessous et le transmettre vous-même.",
      annulee: "Invitation annulée : son lien ne fonctionne plus.",
      modifiee: "Droits modifiés. La personne a été prévenue.",
      retiree: "Délégation retirée. Elle ne fonctionne plus dès maintenant ; la personne a été prévenue.",
      renouvelee: "Délégation prolongée d'un an.",
      confirmee: "Délégation confirmée : elle est active dès maintenant.",
      acceptee: "Invitation acceptée. Vous pourrez agir pour cette personne dans 24 heures, sauf si elle confirme plus tôt.",
      deja: "Rien n'a changé : c'était déjà fait.",
      date: "La date de fin doit être entre aujourd'hui et dans trois ans au plus.",
      prenom: "Le prénom manque, dépasse 80 caractères ou contient un caractère non accepté (< ou >). Rien n'a été envoyé.",
      nom: "Le nom manque, dépasse 80 caractères ou contient un caractère non accepté (< ou >). Rien n'a été envoyé.",
      email: "L'adresse e-mail n'est pas valide : indiquez-la sous la forme nom@exemple.fr. Rien n'a été envoyé.",
      "soi-meme": "Vous ne pouvez pas vous inviter vous-même : indiquez l'adresse e-mail du proche à inviter. Rien n'a été envoyé.",
      // The bound is MAX_INVITATIONS_PER_DAY (invitation-quota.ts), per space and cancelled ones included.
      trop: "Cet espace a déjà envoyé 20 invitations en 24 heures, le maximum (les invitations annulées comptent aussi). Vous pourrez en envoyer une autre au plus tard dans 24 heures. Rien n'a été envoyé.",
      lien: "Ce lien ne convient pas pour un enfant : choisissez-en un dans la liste proposée. Rien n'a été envoyé.",
      formulaire: "Le formulaire est incomplet ou incorrect : rien n'a été enregistré.",
      interdit: "Vous ne pouvez pas faire cela dans cet espace.",
      legal: "Un représentant légal ne se retire pas ici : c'est une décision de justice.",
      conflit: "Quelqu'un a modifié cette délégation en même temps : rechargez la page et recommencez.",
      echec: "L'opération n'a pas abouti : rien n'a été enregistré.",
    },
    /** The people who act for the space (relative-lists.tsx). */
    status: { active: "Active", paused: "En attente (pause de 24 heures)", ended: "Terminée", accountClosed: "Compte fermé" },
    statusLine: "État : {status}",
    guardianRights: "Représentation légale : tous les droits. La retirer relève d'une décision de justice, pas de ce portail.",
    /** A judge's protection measure of an adult (tutelle, habilitation familiale), set by the assistance (relative-lists.tsx). */
    measure: {
      decision: "Mesure de protection décidée par le juge : {decision}.",
      until: "Représentation légale, tous les droits dans cet espace, jusqu'au {date} inclus.",
      ended: "Terminée avant sa date de fin : l'assistance du service a enregistré la décision du juge.",
      setBy: "Enregistrée par l'assistance du service sur décision du juge : elle ne se modifie pas ici. La personne protégée garde son propre accès à son espace.",
    },
    rightsLine: "Droits : {rights}",
    withdrawn: "Retirée avant sa date de fin : elle ne s'applique plus.",
    /** Given by the representative under a protection measure, ended with it (access/measure-choices.ts). */
    endedWithMeasure: "Terminée avec la mesure de protection sous laquelle elle avait été donnée : elle ne s'applique plus.",
    expiredOn: "Terminée le {date} au soir, sa date de fin.",
    since: "Depuis le {date}, ",
    /** A delegation still in its pause opens later: « Depuis le » a day to come read as a mistake. */
    opensOn: "À partir du {date}, ",
    until: "jusqu'au {date} inclus",
    noEnd: "sans date de fin",
    lastAct: "Dernière action : {date}",
    noActYet: "aucune pour l'instant",
    change: "Modifier ou retirer",
    changeOf: " la délégation de {name}",
    confirmNow: "Confirmer maintenant",
    confirmFor: " pour {name}",
    pendingTitle: "Invitations en attente",
    pendingLine: "{given} {family} ({email}), valable jusqu'au {date}",
    cancel: "Annuler",
    cancelOf: " l'invitation de {given} {family}",
    /** The spaces the reader acts in; agreed with her recorded sex, worded so that it need not agree when it is not known. */
    spacesTitle: "Les personnes pour qui j'agis",
    spacesNone: "Vous n'agissez pour personne.",
    pausedStart: "Invitation acceptée : vous pourrez agir pour cette personne à partir du {date}, sauf si elle confirme plus tôt ou annule.",
    asGuardian: { female: "vous êtes sa représentante légale", male: "vous êtes son représentant légal", unknown: "vous exercez sa représentation légale" },
    asCaregiver: { female: "vous êtes son aidante", male: "vous êtes son aidant", unknown: "vous agissez pour cette personne" },
    yourRights: "Vos droits : {rights}",
    spaceOpen: "Espace ouvert",
    openSpace: "Ouvrir son espace",
    /** The invitation form (invite-form.tsx) and the rights' checkboxes (rights-fieldset.tsx). */
    inviteTitle: "Inviter un proche",
    given: "Prénom",
    family: "Nom",
    email: "Adresse e-mail",
    emailHint: "L'invitation part à cette adresse ; seul le compte qui l'utilise pourra l'accepter.",
    lastDay: "Dernier jour de la délégation",
    lastDayHint: "Inclus. Un an par défaut, trois ans au plus.",
    // In a space one represents (a child's, an adult's under a judge's measure): no later than the representation's last day.
    lastDayHintRepresentation: "Inclus. Au plus tard le {day}, dernier jour où vous représentez cette personne.",
    inviteSubmit: "Envoyer l'invitation",
    relationshipChoose: "Choisissez",
    rightsLegend: "Ce que cette personne pourra faire",
    /** A delegation's page (/espace/proches/<id>). */
    delegationTitle: "Modifier une délégation",
    guardianTitle: "Représentation légale",
    guardianNote: "Un représentant légal ne se retire ni ne se modifie ici : c'est une décision de justice.",
    delegationOf: "Délégation de {name}",
    currentRights: "Droits actuels : {rights}. Jusqu'au {date} inclus.",
    ended: "Cette délégation est terminée.",
    changeTitle: "Modifier les droits ou la date",
    changeHint: "Inclus. Trois ans au plus.",
    save: "Enregistrer",
    renewTitle: "Renouveler",
    renew: "Prolonger d'un an à partir d'aujourd'hui",
    withdrawTitle: "Retirer la délégation",
    withdraw: "Retirer maintenant",
  },
  /** The banner on every page of another person's space (space-banner.tsx). */
  spaceBanner: {
    label: "Espace d'une autre personne",
    inSpace: "Vous êtes dans l'espace de {name}",
    /** Worded without the guardian's gender, which the banner does not read (relative-lists.tsx's neutral form). */
    asGuardian: " : vous exercez sa représentation légale.",
    withRights: " avec ces droits : {rights}.",
    back: "Revenir à mon espace",
  },
};
