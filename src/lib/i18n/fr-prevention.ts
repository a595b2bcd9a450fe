import { plural } from "./plural";

/**
 * The words of the prevention pages (/espace/prevention, its carnet, certificate and « bilan »,
 * and a professional's prevention tab). `preventionWords` speak of the person whose space it is,
 * in both voices (voice.ts): to the patient herself, or about her to a caregiver or a guardian.
 * The reminders and the questionnaire's age bands are hers, not theirs. The reasons and sources
 * of the calendar's items are not here: they are the calendar's own data (src/server/prevention).
 */
export const frPrevention = {
  prevention: {
    title: "Prévention",
    titleOf: "Prévention de {name}",
    intro:
      "Vaccinations, dépistages et bilans recommandés selon l'âge, le sexe et les maladies inscrites au dossier, d'après le calendrier français en vigueur. Chaque message dit pourquoi.",
    /** An item's status badge (src/server/prevention/types.ts: Status); NOT_APPLICABLE speaks of the person: preventionWords.notApplicable. */
    status: {
      DUE: "À faire",
      OVERDUE: "En retard",
      NOT_DUE: "Bientôt",
      COMPLETE: "À jour",
    },
    /** The calendar's themes, as the reminders are silenced by theme (src/server/prevention/types.ts: Theme). */
    themes: {
      "vaccination-enfant": "Vaccinations de l'enfant et de l'adolescent",
      "vaccination-adulte": "Vaccinations de l'adulte",
      "vaccination-saisonniere": "Grippe et COVID-19",
      depistage: "Dépistages des cancers",
      bilan: "Mon bilan prévention",
      "suivi-enfant": "Examens de l'enfant et bucco-dentaires",
    },
    /** The sentence after a form was sent (?message=…, src/lib/prevention/forms.ts). */
    notices: {
      fait: "C'est noté : ce que vous avez déclaré est enregistré dans le dossier.",
      ajoute: "C'est ajouté au carnet de vaccination.",
      rappels: "Votre choix de rappels est enregistré.",
      bilan: "Votre questionnaire est enregistré dans votre dossier.",
      "bilan-vide": "Rien n'a été enregistré : aucune question n'avait de réponse. Répondez à au moins une question, puis enregistrez.",
      "bilan-invalide": "Rien n'a été enregistré : une réponse n'a pas pu être lue. Vérifiez vos réponses (la réponse libre compte 1 000 caractères au plus), puis enregistrez.",
      invalide: "Rien n'a été enregistré : vérifiez la date (une date passée, après la naissance) et les champs.",
      "date-invalide": "Rien n'a été enregistré : vérifiez la date de la vaccination (une date passée, après la naissance).",
      "lot-invalide": "Rien n'a été enregistré : vérifiez le numéro de lot (lettres, chiffres, espaces, points, barres obliques et tirets, 40 caractères au plus).",
      refuse: "Rien n'a été enregistré : vos droits sur cet espace ne le permettent pas.",
    },
    /** When the engine has nothing to compute from: the person's page and a professional's tab say the same. */
    noBirthDate: "Le calendrier ne peut pas être calculé : la date de naissance complète manque au dossier.",
    /** Beside the delegation's « pas accessibles » (outOfReach.record): why no calendar follows. */
    recordOutOfReach:
      "Le calendrier de prévention dépend de ces données : il n'est pas affiché ici, pour ne pas vous présenter comme à faire une vaccination ou un dépistage peut-être déjà fait. La personne elle-même, ou un proche qui a ce droit, le voit dans son espace.",
    /** The vaccination record or certificate, where the delegation does not reach the vaccinations. */
    vaccinationsOutOfReach: "Aucune vaccination n'est affichée ici : cela ne veut pas dire qu'aucune n'a été faite.",
    /** The calendar's groups (group-items.ts), on the person's page and a professional's tab. */
    groups: {
      now: "À faire maintenant",
      nowEmpty: "Rien à faire pour le moment.",
      nowEmptyPro: "Aucune vaccination ni aucun dépistage à faire d'après le dossier.",
      soon: "Bientôt",
      soonEmpty: "Rien de prévu dans les douze prochains mois.",
      upToDate: "À jour",
      upToDateEmpty: "Rien d'enregistré pour le moment.",
      rest: "Le reste du calendrier ({count})",
      /** Under the rest, when items beginning more than five years ahead are left out (group-items.ts says why). */
      restAhead: "Ce qui commence dans plus de cinq ans n'est pas listé ici : chaque étape apparaît cinq ans avant.",
    },
    reminders: {
      title: "Messages de prévention",
      silenceAll: "Ne plus recevoir aucun message de prévention",
      restoreAll: "Recevoir à nouveau les messages de prévention",
      silenceTheme: "Ne plus me le rappeler",
      restoreTheme: "Me le rappeler à nouveau",
      silencedTheme: "Rappels désactivés pour « {theme} ».",
    },
    children: {
      title: "Le calendrier de vos enfants",
      open: "Voir son calendrier",
    },
    /** One item of the calendar (item-card.tsx). */
    item: {
      mandatory: "Vaccination obligatoire",
      why: "Pourquoi ?",
      /** Read after « Pourquoi ? » by a screen reader only, so each card's control names its item. */
      whyOf: " ({label})",
      source: "Source :",
      doneDate: "Date de réalisation",
      /** « C'est fait » refused for its day (?message=date-invalide&item=…): the notice, its link to the field, the words beside the field. */
      doneDateRefused: "Rien n'a été enregistré pour « {label} » : vérifiez la date de réalisation (une date passée, après la naissance).",
      doneDateLink: "Corriger la date de « {label} »",
      doneDateError: "Une date passée, après la naissance.",
      done: "C'est fait",
      dose: " (dose {dose})",
      overdue: "À faire dès que possible{dose}.",
      overdueSince: "À faire dès que possible{dose} : prévu depuis le {date}.",
      due: "À faire maintenant{dose}.",
      dueSince: "À faire maintenant{dose}, recommandé depuis le {date}.",
      notDue: "Pas encore{dose}.",
      notDueFrom: "À partir du {date}{dose}.",
      complete: "À jour.",
      completeNext: "À jour. Prochaine échéance : {date}.",
    },
    carnet: {
      title: "Carnet de vaccination",
      /** Its heading in another person's space (a parent in a child's, a caregiver), as the prevention page's titleOf. */
      titleOf: "Carnet de vaccination de {name}",
      intro: "Toutes les vaccinations enregistrées dans le dossier, par un professionnel ou déclarées.",
      back: "Retour à la prévention",
      certificateLink: "Certificat imprimable",
      growthLink: "Croissance et certificats de santé",
      /** The growth page's introduction (carnet-enfant.tsx): in the catalogue, so that « de » elides before the child's name. */
      growthIntro: "Le poids, la taille, l'IMC et le périmètre crânien de {name}, sur les courbes de référence.",
      tableCaption: "Vaccinations enregistrées, de la plus récente à la plus ancienne",
      addTitle: "Ajouter une vaccination",
      vaccine: "Vaccin",
      date: "Date de la vaccination",
      lot: "Numéro de lot (facultatif)",
      /** Beside the field the form came back refused for (?message=date-invalide, lot-invalide). */
      dateError: "Une date passée, après la naissance.",
      lotError: "Lettres, chiffres, espaces, points, barres obliques et tirets seulement, 40 caractères au plus.",
      add: "Ajouter au carnet",
    },
    certificate: {
      title: "Certificat de vaccination",
      intro:
        "Relevé des vaccinations enregistrées dans Espace santé. Pour le remettre à une école, une crèche ou un employeur, téléchargez-le en PDF ou imprimez cette page avec la fonction Imprimer de votre navigateur.",
      /** The link to the same certificate as a PDF file (/api/prevention/certificat-vaccination). */
      download: "Télécharger le certificat (PDF)",
      /** The PDF's kind, above its title; its issuer and author, who did not sign it; the line at the foot of each page. */
      pdfLabel: "Relevé des vaccinations",
      pdfIssuer: "Espace santé",
      pdfAuthor: "Espace santé, relevé automatique non signé",
      pdfFooter: "Certificat de vaccination - {name} - édité le {date}",
      name: "Nom",
      birth: "Date de naissance",
      issued: "Édité le",
      tableCaption: "Vaccinations",
      note: "Les vaccinations « déclarées » ont été saisies par la personne ou son représentant ; les autres ont été enregistrées par un professionnel de santé. Ce relevé ne remplace pas un certificat signé par un médecin.",
    },
    /** The vaccinations' table, shared by the carnet and the certificate (vaccination-table.tsx). */
    table: {
      empty: "Aucune vaccination enregistrée.",
      date: "Date",
      vaccine: "Vaccin",
      dose: "Dose",
      lot: "Lot",
      origin: "Origine",
      unknownDate: "Date inconnue",
      declared: "Déclarée",
      recorded: "Enregistrée par un professionnel",
    },
    bilan: {
      title: "Mon bilan prévention",
      /** Its heading in another person's space (a parent in a child's, a caregiver), as the carnet's titleOf: « Mon » read as the reader's own. */
      titleOf: "Bilan prévention de {name}",
      questionnaire: "Questionnaire des {band} ans",
      cannotWrite: "Vos droits sur cet espace ne permettent pas de remplir ce questionnaire.",
      previousTitle: "Questionnaires déjà remplis",
      previousEmpty: "Aucun pour le moment.",
      previousLine: plural({ one: "Le {date} : {sharing} ({count} réponse)", other: "Le {date} : {sharing} ({count} réponses)" }),
      unknownDate: "?",
      sourcePrefix: "Questions adaptées de :",
      back: "← Retour à la prévention",
      submit: "Enregistrer mon questionnaire",
      /** A filled questionnaire's page (/espace/prevention/bilan/[id], /pro/patients/[patientId]/bilan/[id]). */
      answersBand: "Questionnaire des {band} ans, questions adaptées de « Mon bilan prévention » ({edition}).",
      answersFilled: "Rempli le",
      answersSharing: "Partage",
      answersHeading: "Réponses",
      // Every question of the questionnaire is listed, a blank one too (bilan-answers.ts says why).
      noAnswer: "Sans réponse",
      backToBilan: "← Retour au bilan prévention",
      /** The professional's prevention tab: the questionnaires the patient shared, never one she kept (decide() leaves them out). */
      proSharedTitle: "Questionnaires « Mon bilan prévention » partagés",
      proSharedIntro: "Les questionnaires que le patient a choisi de partager avec les professionnels qu'il autorise, pour préparer son bilan.",
      proSharedEmpty: "Aucun questionnaire partagé.",
      proSharedLine: plural({ one: "Le {date} ({count} réponse)", other: "Le {date} ({count} réponses)" }),
      proShared: "partagé par le patient avec les professionnels qu'il autorise",
      backToPrevention: "← Retour à la prévention du patient",
    },
  },
  preventionWords: {
    /** An item's badge and date line when it does not apply: in a child's or another person's space, not « vous ». */
    notApplicable: { yours: "Ne vous concerne pas", theirs: "Ne concerne pas {person}" },
    notApplicableToday: { yours: "Ne vous concerne pas aujourd'hui.", theirs: "Ne concerne pas {person} aujourd'hui." },
    remindersOn: {
      yours:
        "Vous recevez un message quand une vaccination ou un dépistage devient à faire. Vous pouvez les arrêter pour un thème (bouton « Ne plus me le rappeler ») ou tous ; le calendrier reste visible.",
      theirs: "{person} reçoit un message quand une vaccination ou un dépistage devient à faire. Le calendrier reste visible sur cette page.",
    },
    // A guardian's: the message lands in the child's space, where she reads it among her notifications
    // (and is e-mailed it when the child has no account); « Léo Martin reçoit un message » told her of
    // a message to a ten-year-old who has no account (found by the walk of the prevention page).
    remindersOnGuardian:
      "Quand une vaccination ou un dépistage devient à faire pour {person}, un message arrive dans son espace : vous le trouvez dans vos notifications. Le calendrier reste visible sur cette page.",
    remindersOff: {
      yours: "Vous avez choisi de ne plus recevoir de messages de prévention. Le calendrier reste visible sur cette page.",
      theirs: "Les messages de prévention de {person} sont arrêtés. Le calendrier reste visible sur cette page.",
    },
    // In a caregiver's space whose delegation does not reach the record, no calendar is shown:
    // the sentences say nothing of it.
    remindersOnNoCalendar: "{person} reçoit un message quand une vaccination ou un dépistage devient à faire.",
    remindersOffNoCalendar: "Les messages de prévention de {person} sont arrêtés.",
    /** The prevention page's links (« Mon bilan prévention » is the programme's name, kept as it is). */
    carnetLink: { yours: "Carnet de vaccination", theirs: "Carnet de vaccination de {person}" },
    bilanLink: { yours: "Mon bilan prévention : le questionnaire", theirs: "Le questionnaire « Mon bilan prévention » de {person}" },
    bilanIntro: {
      yours:
        "Aux âges clés (18–25 ans, 45–50 ans, 60–65 ans, 70–75 ans), un bilan avec un professionnel de santé, pris en charge par l'Assurance Maladie. Ce questionnaire vous aide à le préparer.",
      theirs:
        "Aux âges clés (18–25 ans, 45–50 ans, 60–65 ans, 70–75 ans), un bilan avec un professionnel de santé, pris en charge par l'Assurance Maladie. Ce questionnaire aide {person} à le préparer.",
    },
    bilanPrivacy: {
      yours: "Répondez à ce que vous voulez : toutes les questions sont facultatives. Sans votre accord, vos réponses restent visibles de vous seul.",
      theirs: "Toutes les questions sont facultatives. Sans l'accord de partage, les réponses de {person} ne sont montrées à aucun de ses professionnels.",
    },
    bilanShare: {
      yours: "Je partage ce questionnaire avec les professionnels que j'ai autorisés, dont celui qui fera mon bilan.",
      theirs: "Partager ce questionnaire avec les professionnels autorisés par {person}, dont celui qui fera son bilan.",
    },
    bilanKept: { yours: "visible de vous seul", theirs: "montré à aucun professionnel" },
    bilanShared: { yours: "partagé avec les professionnels que vous avez autorisés", theirs: "partagé avec les professionnels autorisés par {person}" },
    bilanAnswersTitle: { yours: "Mon questionnaire du {date}", theirs: "Questionnaire de {person} du {date}" },
    bilanOutOfBand: {
      yours: "Vous n'êtes pas dans l'une des tranches d'âge du bilan prévention aujourd'hui : le questionnaire vous sera proposé le moment venu.",
      theirs: "{person} n'est dans aucune des tranches d'âge du bilan prévention aujourd'hui : le questionnaire lui sera proposé le moment venu.",
    },
  },
};
