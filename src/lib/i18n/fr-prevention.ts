/**
 * The words of the prevention pages (/espace/prevention, its « bilan ») that speak of the person
 * whose space it is, in both voices (voice.ts): to the patient herself, or about her to a
 * caregiver or a guardian. The reminders and the questionnaire's age bands are hers, not theirs.
 */
export const frPrevention = {
  preventionWords: {
    remindersOn: {
      yours:
        "Vous recevez un message quand une vaccination ou un dépistage devient à faire. Vous pouvez les arrêter pour un thème (bouton « Ne plus me le rappeler ») ou tous ; le calendrier reste visible.",
      theirs: "{person} reçoit un message quand une vaccination ou un dépistage devient à faire. Le calendrier reste visible sur cette page.",
    },
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
    bilanOutOfBand: {
      yours: "Vous n'êtes pas dans l'une des tranches d'âge du bilan prévention aujourd'hui : le questionnaire vous sera proposé le moment venu.",
      theirs: "{person} n'est dans aucune des tranches d'âge du bilan prévention aujourd'hui : le questionnaire lui sera proposé le moment venu.",
    },
  },
};
