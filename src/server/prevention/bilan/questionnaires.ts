/**
 * "Mon bilan prévention": the self-questionnaire a person fills in before the check-up of their
 * age band (18–25, 45–50, 60–65, 70–75 — the bands of the BILAN_PREV rule of the calendar,
 * calendars/fr-2025.ts). Questions are data, one list per band, so a new edition is data.
 *
 * Source: Ministère de la Santé et de la Prévention, « Mon bilan prévention », auto-questionnaires
 * par tranche d'âge (2024), https://sante.gouv.fr/prevention-en-sante/preserver-sa-sante/mon-bilan-prevention/
 * (article L1411-6-2 du code de la santé publique). The themes are the published ones (habits of
 * life, well-being, screenings and vaccinations, and per band: sexual health for 18–25, menopause
 * and cardiovascular risk for 45–50, autonomy and falls for 60–65 and 70–75); the wording here is
 * a shortened plain-French adaptation, not the official text, and says so on the page.
 */
export type BilanBand = "18-25" | "45-50" | "60-65" | "70-75";

export type BilanQuestion = { linkId: string; text: string; options: readonly string[] } | { linkId: string; text: string; free: true };

export const BILAN_SOURCE = {
  document: "Mon bilan prévention — auto-questionnaires par tranche d'âge",
  edition: "2024",
  url: "https://sante.gouv.fr/prevention-en-sante/preserver-sa-sante/mon-bilan-prevention/",
} as const;

/** The canonical URL of each band's questionnaire (QuestionnaireResponse.questionnaire), versioned. */
export const questionnaireUrl = (band: BilanBand) => `https://espace-sante.example.org/fhir/Questionnaire/mon-bilan-prevention-${band}|2024`;

const FREQUENCY = ["Jamais", "Parfois", "Souvent", "Tous les jours"] as const;
const YES_NO = ["Oui", "Non", "Je ne sais pas"] as const;

const COMMON: readonly BilanQuestion[] = [
  { linkId: "activite", text: "Combien de jours par semaine avez-vous une activité physique d'au moins 30 minutes ?", options: ["Aucun", "1 ou 2 jours", "3 ou 4 jours", "5 jours ou plus"] },
  { linkId: "alimentation", text: "Mangez-vous des fruits et légumes chaque jour ?", options: FREQUENCY },
  { linkId: "tabac", text: "Fumez-vous ou vapotez-vous ?", options: ["Non, jamais", "J'ai arrêté", "Oui, parfois", "Oui, tous les jours"] },
  { linkId: "alcool", text: "Combien de jours par semaine buvez-vous de l'alcool ?", options: ["Jamais", "1 ou 2 jours", "3 à 5 jours", "Tous les jours"] },
  { linkId: "sommeil", text: "Dormez-vous bien ?", options: ["Oui", "Pas toujours", "Rarement"] },
  { linkId: "moral", text: "Ces dernières semaines, avez-vous ressenti de la tristesse, du stress ou du découragement ?", options: FREQUENCY },
  { linkId: "ecrans", text: "Combien d'heures par jour passez-vous devant un écran en dehors du travail ?", options: ["Moins de 2 heures", "2 à 4 heures", "Plus de 4 heures"] },
  { linkId: "vaccins", text: "Savez-vous si vos vaccinations sont à jour ?", options: YES_NO },
];

const BY_BAND: Record<BilanBand, readonly BilanQuestion[]> = {
  "18-25": [
    { linkId: "sexualite", text: "Souhaitez-vous parler de contraception, de dépistage des infections sexuellement transmissibles ou de vie affective ?", options: ["Oui", "Non"] },
    { linkId: "cannabis", text: "Consommez-vous du cannabis ou d'autres drogues ?", options: ["Jamais", "Parfois", "Souvent"] },
  ],
  "45-50": [
    { linkId: "tension", text: "Votre tension artérielle a-t-elle été mesurée ces deux dernières années ?", options: YES_NO },
    { linkId: "menopause", text: "Si vous êtes concernée, souhaitez-vous parler de la ménopause ?", options: ["Oui", "Non", "Non concernée"] },
  ],
  "60-65": [
    { linkId: "autonomie", text: "Avez-vous des difficultés pour les gestes de la vie quotidienne (courses, ménage, toilette) ?", options: ["Non", "Un peu", "Beaucoup"] },
    { linkId: "audition-vue", text: "Avez-vous remarqué une baisse de l'audition ou de la vue ?", options: YES_NO },
  ],
  "70-75": [
    { linkId: "chutes", text: "Avez-vous fait une chute au cours de l'année écoulée ?", options: ["Non", "Une fois", "Plusieurs fois"] },
    { linkId: "isolement", text: "Vous arrive-t-il de souffrir de la solitude ?", options: FREQUENCY },
    { linkId: "audition-vue", text: "Avez-vous remarqué une baisse de l'audition ou de la vue ?", options: YES_NO },
  ],
};

const FREE: BilanQuestion = { linkId: "sujets", text: "Y a-t-il un sujet dont vous voudriez parler lors du bilan ? (facultatif)", free: true };

export function questionsOf(band: BilanBand): readonly BilanQuestion[] {
  return [...COMMON, ...BY_BAND[band], FREE];
}

export const FREE_TEXT_MAX = 1000;

/**
 * The band whose questionnaire a response names (QuestionnaireResponse.questionnaire, with its
 * edition): undefined for any other questionnaire or edition, whose questions are not written here.
 */
export function bandOfQuestionnaire(url: string | undefined): BilanBand | undefined {
  return (Object.keys(BY_BAND) as BilanBand[]).find((band) => questionnaireUrl(band) === url);
}
