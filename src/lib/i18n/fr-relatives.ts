/**
 * The words of « Proches et délégations » (/espace/proches) that speak of the person whose space
 * it is: in both voices (voice.ts), « yours » to the patient herself, « theirs » to a guardian
 * managing a child's delegations or a caregiver looking at the page in the person's space.
 * The rest of the page speaks of whoever reads it (the spaces she acts in) and stays inline.
 */
export const frRelatives = {
  relatives: {
    intro: {
      yours: "Choisissez qui peut agir pour vous, avec quels droits et jusqu'à quand.",
      theirs: "Qui peut agir pour {person}, avec quels droits et jusqu'à quand, et pour qui vous agissez vous-même.",
    },
    // To a caregiver in the person's space: she manages none of its delegations (the page says so), only her own ties are shown.
    introCaregiver: "Les personnes pour qui vous agissez, et l'accès à leur espace.",
    actingForTitle: {
      yours: "Les personnes qui peuvent agir pour moi",
      theirs: "Les personnes qui peuvent agir pour {person}",
    },
    actingForNone: {
      yours: "Personne ne peut agir pour vous aujourd'hui.",
      theirs: "Personne ne peut agir pour {person} aujourd'hui.",
    },
    // Only the patient may confirm an invitation early (relatives-page-data.ts, canConfirm): to anyone else, no « sauf si ».
    // access/agent-decision.ts: reading the messages comes with every delegation, whatever rights are ticked.
    messagesIncluded: {
      yours: "Toute délégation permet aussi de lire vos messages avec vos professionnels de santé ; y écrire en votre nom est un droit à cocher.",
      theirs: "Toute délégation permet aussi de lire les messages de {person} avec ses professionnels de santé ; y écrire en son nom est un droit à cocher.",
    },
    messagesIncludedInvitee: "Vous pourrez aussi lire ses messages avec ses professionnels de santé : toute délégation le permet.",
    inviteSafety: {
      yours:
        "Par sécurité, une invitation acceptée ne fonctionne qu'au bout de 24 heures, sauf si vous la confirmez vous-même depuis votre espace : personne ne peut ainsi obtenir l'accès à votre dossier sous pression, à votre insu.",
      theirs: "Par sécurité, une invitation acceptée ne fonctionne qu'au bout de 24 heures : personne ne peut ainsi obtenir l'accès au dossier de {person} sous pression ni en cachette.",
    },
    relationshipLabel: { yours: "Lien avec vous", theirs: "Lien avec {person}" },
    // A person named here whose own account is closed (list-relatives.ts, accountClosed): why is hers to tell, not the page's.
    accountClosed: {
      yours: "Cette personne ne peut plus agir pour vous.",
      theirs: "Cette personne ne peut plus agir pour {person}.",
    },
    // The same, on the delegation's own page (espace/proches/[id].tsx), which has no status line.
    accountClosedNote: {
      yours: "Compte fermé : cette personne ne peut plus agir pour vous, quels que soient les droits ci-dessous.",
      theirs: "Compte fermé : cette personne ne peut plus agir pour {person}, quels que soient les droits ci-dessous.",
    },
    changeIntro: {
      yours: "Retirer des droits ou avancer la fin s'applique tout de suite. En ajouter ou prolonger relance la pause de 24 heures, sauf si vous confirmez vous-même.",
      theirs: "Retirer des droits ou avancer la fin s'applique tout de suite. En ajouter ou prolonger relance la pause de 24 heures.",
    },
    withdrawIntro: {
      yours: "La personne ne pourra plus rien faire dans votre espace dès sa prochaine action. Elle sera prévenue.",
      theirs: "La personne ne pourra plus rien faire dans l'espace de {person} dès sa prochaine action. Elle sera prévenue.",
    },
    widenedNotice: {
      yours: "Droits élargis : ils prendront effet dans 24 heures, sauf si vous confirmez plus tôt depuis votre propre session. D'ici là, la personne ne peut pas agir pour vous.",
      theirs: "Droits élargis : ils prendront effet dans 24 heures. D'ici là, la personne ne peut pas agir pour {person}.",
    },
  },
};
