import { plural } from "./plural";
/**
 * The words of "Partage et confidentialité" (/espace/partage), its preview ("Voir comme…") and
 * the professional's list of patients. Plain French: what a patient reads to decide who sees
 * their record. A text that speaks to the patient about her record is written in both voices
 * (src/lib/i18n/voice.ts): « yours » to the patient herself, « theirs » to a caregiver or a
 * guardian acting for her, about her (« le dossier de {person} »).
 */
export const frSharing = {
  sharing: {
    title: "Partage et confidentialité",
    intro: {
      yours: "Vous décidez qui peut voir votre dossier. Chaque changement s'applique tout de suite et reste dans l'historique de vos choix.",
      theirs: "Vous gérez pour {person} qui peut voir son dossier. Chaque changement s'applique tout de suite et reste dans l'historique de ses choix de partage.",
    },
    glanceTitle: "En un coup d'œil",
    glanceEmpty: {
      yours: "Aucun professionnel n'est autorisé à voir votre dossier en dehors d'une urgence.",
      theirs: "Aucun professionnel n'est autorisé à voir le dossier de {person} en dehors d'une urgence.",
    },
    change: "Modifier",
    authorisedSentence: {
      yours: "{name}{specialty} peut voir vos documents{level}{until}.",
      theirs: "{name}{specialty} peut voir les documents de {person}{level}{until}.",
    },
    levelNormal: {
      yours: ", sauf ceux que vous avez masqués et ceux dont l'accès est restreint",
      theirs: ", sauf ceux qui sont masqués et ceux dont l'accès est restreint",
    },
    levelRestricted: {
      yours: ", y compris ceux dont l'accès est restreint, sauf ceux que vous avez masqués",
      theirs: ", y compris ceux dont l'accès est restreint, sauf ceux qui sont masqués",
    },
    // « inclus »: the day is the access's last (endOfParisDay), as the form's hint and the invitations say.
    untilDate: ", jusqu'au {date} inclus",
    untilNone: ", sans date de fin",
    authorisedMore: plural({ one: "Et {count} autre professionnel autorisé : la liste complète est plus bas.", other: "Et {count} autres professionnels autorisés : la liste complète est plus bas." }),
    blockedMore: plural({ one: "Et {count} autre professionnel bloqué : la liste complète est plus bas.", other: "Et {count} autres professionnels bloqués : la liste complète est plus bas." }),
    authorisedPages: "Pages des professionnels autorisés",
    blockedPages: "Pages des professionnels bloqués",
    /**
     * Agreeing with the professional's recorded gender (the directory card's): Jean read « Dr Sophie
     * Bernard est bloqué·e : il ou elle ne peut rien voir » of his own doctor; worded so that nothing
     * agrees where none is recorded.
     */
    blockedSentence: {
      female: {
        yours: "{name}{specialty} est bloquée : elle ne peut rien voir de votre dossier, même en urgence.",
        theirs: "{name}{specialty} est bloquée : elle ne peut rien voir du dossier de {person}, même en urgence.",
      },
      male: {
        yours: "{name}{specialty} est bloqué : il ne peut rien voir de votre dossier, même en urgence.",
        theirs: "{name}{specialty} est bloqué : il ne peut rien voir du dossier de {person}, même en urgence.",
      },
      unknown: {
        yours: "Blocage de {name}{specialty} : aucun accès à votre dossier, même en urgence.",
        theirs: "Blocage de {name}{specialty} : aucun accès au dossier de {person}, même en urgence.",
      },
    },
    delegateSentence: {
      yours: "{name} peut agir pour vous : {rights}{until}.",
      theirs: "{name} peut agir pour {person} : {rights}{until}.",
    },
    guardianSentence: {
      yours: "{name} est votre représentant·e légal·e.",
      theirs: "{name} est représentant·e légal·e de {person}.",
    },
    linkSentence: "Une pharmacie peut voir une ordonnance par un lien jusqu'au {date}.",
    emergencySentenceAllowed: {
      yours: "En cas d'urgence, un médecin urgentiste peut voir vos documents normaux (vous en êtes prévenu·e).",
      theirs: "En cas d'urgence, un médecin urgentiste peut voir les documents normaux de {person} (la personne en est prévenue).",
    },
    emergencySentenceRestricted: {
      yours: "En cas d'urgence, un médecin urgentiste peut voir vos documents, y compris ceux dont l'accès est restreint (vous en êtes prévenu·e).",
      theirs: "En cas d'urgence, un médecin urgentiste peut voir les documents de {person}, y compris ceux dont l'accès est restreint (la personne en est prévenue).",
    },
    emergencySentenceRefused: {
      yours: "Vous avez refusé l'accès en urgence : personne ne peut voir votre dossier sans votre autorisation.",
      theirs: "L'accès en urgence est refusé : personne ne peut voir le dossier de {person} sans y avoir été autorisé.",
    },
    researchSentenceAllowed: {
      yours: "Vous acceptez que vos données soient réutilisées pour la recherche.",
      theirs: "Les données de {person} peuvent être réutilisées pour la recherche.",
    },
    researchSentenceRefused: {
      yours: "Vous refusez que vos données soient réutilisées pour la recherche.",
      theirs: "Les données de {person} ne sont pas réutilisées pour la recherche.",
    },
    researchSentenceUnset: {
      yours: "Vous n'avez pas encore fait de choix pour la recherche : vos données ne sont pas réutilisées sans votre accord.",
      theirs: "Aucun choix n'est encore fait pour la recherche : les données de {person} ne sont pas réutilisées sans accord.",
    },
    hiddenSentence: plural({ one: "{count} document masqué à tous les professionnels.", other: "{count} documents masqués à tous les professionnels." }),
    hiddenNone: "Aucun document masqué.",
    defaultLevelSentenceN: {
      yours: "Les nouveaux documents de votre dossier ont un accès normal.",
      theirs: "Les nouveaux documents du dossier de {person} ont un accès normal.",
    },
    defaultLevelSentenceR: {
      yours: "Les nouveaux documents de votre dossier ont un accès restreint.",
      theirs: "Les nouveaux documents du dossier de {person} ont un accès restreint.",
    },

    authoriseTitle: "Autoriser un professionnel",
    searchLabel: "Nom, spécialité, ville ou numéro RPPS",
    searchHint: "Par exemple : Bernard, cardiologue Lyon, 10101234561",
    searchButton: "Rechercher",
    searchNone: "Aucun professionnel ne correspond à « {query} ».",
    searchMore: "Plus de {count} résultats : précisez votre recherche.",
    resultsTitle: "Résultats pour « {query} »",
    levelLabel: "Ce que ce professionnel peut voir",
    levelN: {
      yours: "Mes documents, sauf ceux à accès restreint",
      theirs: "Les documents de {person}, sauf ceux à accès restreint",
    },
    levelR: {
      yours: "Mes documents, y compris ceux à accès restreint",
      theirs: "Les documents de {person}, y compris ceux à accès restreint",
    },
    untilLabel: "Jusqu'au (facultatif)",
    untilHint: "Sans date, l'autorisation dure jusqu'à ce que vous la retiriez. Le dernier jour est inclus.",
    untilRefused: "Choisissez aujourd'hui ou un jour à venir, dans les trois ans au plus.",
    authoriseButton: "Autoriser",
    updateButton: "Enregistrer",
    withdrawButton: "Retirer l'autorisation",
    alreadyAuthorised: "déjà autorisé·e",
    isBlocked: "bloqué·e",

    authorisedTitle: "Professionnels autorisés",
    authorisedButBlocked: "Bloqué·e : cette autorisation ne s'applique pas tant que le blocage dure. Le débloquer lui rend l'accès choisi ici.",
    authorisedNone: {
      yours: "Vous n'avez autorisé aucun professionnel.",
      theirs: "Aucun professionnel n'est autorisé à voir le dossier de {person}.",
    },
    blockedTitle: "Professionnels bloqués",
    blockedIntro: "Un blocage l'emporte sur toute autorisation et sur l'accès en urgence.",
    blockedNone: {
      yours: "Vous n'avez bloqué aucun professionnel.",
      theirs: "Aucun professionnel n'est bloqué pour {person}.",
    },
    blockButton: "Bloquer",
    unblockButton: "Débloquer",

    emergencyTitle: "Accès en urgence",
    emergencyAllowed: "Autorisé (recommandé)",
    emergencyAllowedHint: {
      yours: "Un médecin urgentiste peut voir vos documents normaux s'il ne peut pas vous demander votre accord ; vous en êtes prévenu·e.",
      theirs: "Un médecin urgentiste peut voir les documents normaux de {person} s'il ne peut pas lui demander son accord ; la personne en est prévenue.",
    },
    emergencyRestricted: "Autorisé, y compris les documents à accès restreint",
    emergencyRestrictedHint: {
      yours: "En urgence, le médecin voit aussi vos documents à accès restreint ; jamais ceux que vous avez masqués ou gardés secrets.",
      theirs: "En urgence, le médecin voit aussi les documents à accès restreint de {person} ; jamais ceux qui sont masqués ou gardés secrets.",
    },
    emergencyRefused: "Refusé",
    emergencyRefusedHint: {
      yours: "Même en urgence, personne ne peut voir votre dossier sans votre autorisation.",
      theirs: "Même en urgence, personne ne peut voir le dossier de {person} sans y avoir été autorisé.",
    },

    defaultLevelTitle: "Niveau des nouveaux documents",
    defaultLevelN: "Accès normal",
    defaultLevelNHint: "Visible par les professionnels que vous autorisez.",
    defaultLevelR: "Accès restreint",
    defaultLevelRHint: "Visible seulement par ceux que vous autorisez aussi pour les documents restreints.",

    researchTitle: "Recherche",
    researchIntro: {
      yours: "Vos données peuvent aider la recherche en santé, sans que votre nom soit connu. Vous pouvez changer d'avis à tout moment.",
      theirs: "Les données de {person} peuvent aider la recherche en santé, sans que son nom soit connu. Ce choix peut changer à tout moment.",
    },
    researchAllowed: {
      yours: "J'accepte",
      theirs: "Accepter pour {person}",
    },
    researchRefused: {
      yours: "Je refuse",
      theirs: "Refuser pour {person}",
    },

    save: "Enregistrer",
    hiddenTitle: "Documents masqués",
    hiddenIntro: "Ces documents ne sont visibles par aucun professionnel, même autorisé.",
    showAgain: "Afficher de nouveau",
    /** The history page's own title (the browser's tab, the page's <title>). */
    historyPageTitle: {
      yours: "Historique de vos choix de partage",
      theirs: "Historique des choix de partage de {person}",
    },
    historyTitle: {
      yours: "Historique de vos choix",
      theirs: "Historique des choix de partage de {person}",
    },
    historyNone: "Aucun choix enregistré pour l'instant.",
    historyPages: {
      yours: "Pages de l'historique de vos choix",
      theirs: "Pages de l'historique des choix de partage de {person}",
    },

    previewTitle: "Voir comme…",
    previewIntro: {
      yours: "Vérifiez ce qu'une personne voit de votre dossier, exactement comme elle le verrait. Rien ne lui est envoyé.",
      theirs: "Vérifiez ce qu'une personne voit du dossier de {person}, exactement comme elle le verrait. Rien ne lui est envoyé.",
    },
    previewLabel: {
      yours: "Voir mon dossier comme",
      theirs: "Voir le dossier de {person} comme",
    },
    previewButton: "Voir",
    previewBanner: {
      yours: "Aperçu : voici ce que {viewer} voit de votre dossier. Ce n'est pas une connexion à son compte.",
      theirs: "Aperçu : voici ce que {viewer} voit du dossier de {person}. Ce n'est pas une connexion à son compte.",
    },
    previewNothing: {
      yours: "{viewer} ne voit rien de votre dossier.",
      theirs: "{viewer} ne voit rien du dossier de {person}.",
    },
    previewDocuments: "Documents ({count})",
    previewPrescriptions: "Ordonnances ({count})",
    previewRecord: "Vaccinations, allergies et antécédents ({count})",
    previewMore: "… et {count} de plus.",
    previewBack: "Revenir au partage",
    viewerProfessional: "{name}",
    viewerEmergency: "un médecin urgentiste en accès d'urgence",
    viewerCaregiver: "{name} (aidant·e)",
    /** A parent, or an adult's representative under a judge's measure: no « aidant·e », as the glance above says (found in the browser on a tutelle). */
    viewerGuardian: "{name} (représentant·e légal·e)",
    viewerLink: "la pharmacie qui a le lien jusqu'au {date}",
    viewerGroupProfessionals: "Professionnels",
    viewerGroupOthers: "Autres",
    searchOtherProfessional: "ou un autre professionnel : cherchez-le ci-dessus, puis « Voir comme ».",
    previewAs: "Voir comme",

    notices: {
      autorise: "Le professionnel est autorisé.",
      modifie: "L'autorisation est modifiée.",
      retire: "L'autorisation est retirée.",
      bloque: {
        yours: "Le professionnel est bloqué. Il ne peut plus rien voir de votre dossier.",
        theirs: "Le professionnel est bloqué. Il ne peut plus rien voir du dossier de {person}.",
      },
      debloque: "Le professionnel est débloqué.",
      urgence: {
        yours: "Votre choix pour l'accès en urgence est enregistré.",
        theirs: "Le choix pour l'accès en urgence est enregistré.",
      },
      niveau: "Le niveau des nouveaux documents est enregistré.",
      recherche: {
        yours: "Votre choix pour la recherche est enregistré.",
        theirs: "Le choix pour la recherche est enregistré.",
      },
      affiche: "Le document est de nouveau visible par les professionnels autorisés.",
      // Neutral, as bloque_d_abord: a notice through the URL does not know whom it speaks of (« Ce professionnel est bloqué » was read of Dr Inès Moreau).
      signale: {
        yours: "Le blocage est enregistré et l'accès est signalé dans votre historique. Vous pouvez aussi en parler à votre médecin ou contacter la CNIL.",
        theirs: "Le blocage est enregistré et l'accès est signalé dans l'historique des accès de {person}. Vous pouvez aussi en parler à son médecin ou contacter la CNIL.",
      },
      bloque_d_abord: "Ce blocage est toujours en place : débloquez d'abord, puis autorisez.",
      date: "La date de fin n'est pas acceptée : elle doit être aujourd'hui ou un jour à venir, dans les trois ans au plus. Rien n'a changé.",
      interdit: "Vous ne pouvez pas modifier ces réglages pour cet espace.",
      conflit: "Ce réglage a changé entre-temps. Vérifiez et recommencez.",
      echec: "Le changement n'a pas pu être enregistré. Réessayez.",
    },
  },
  unrecognised: {
    button: "Je ne reconnais pas cet accès",
    // Said of whoever it was, man or woman: « la personne à l'origine de l'accès », not « ce professionnel ».
    hint: "Bloque tout de suite la personne à l'origine de l'accès et le signale.",
    tableHint: "« Je ne reconnais pas cet accès » bloque tout de suite la personne à l'origine de l'accès et le signale.",
    flagged: "Accès signalé",
  },
  proPatients: {
    levelN: "documents normaux",
    levelR: "documents normaux et restreints",
    // A date reached, a withdrawal or a block alike: the list does not say which (« retiré » said a
    // withdrawal), nor whose: their names were read after the access ended (practitioner-patients.ts).
    ended: plural({
      one: "Votre accès au dossier de {count} patient a pris fin ; il n'apparaît plus dans cette liste.",
      other: "Votre accès aux dossiers de {count} patients a pris fin ; ils n'apparaissent plus dans cette liste.",
    }),
    // Every one listed authorises now.
    countAll: plural({
      one: "{count} patient vous autorise actuellement.",
      other: "{count} patients vous autorisent actuellement.",
    }),
    pagination: "Pages de la liste des patients",
    previous: "Page précédente",
    next: "Page suivante",
    pageOf: "Page {page} sur {pages}",
  },
};
