import type { PreventionNotice } from "@/lib/prevention/forms";
import type { Status, Theme } from "@/server/prevention/types";

/** The prevention pages' French texts. */
export const STATUS_LABELS: Record<Status, string> = {
  DUE: "À faire",
  OVERDUE: "En retard",
  NOT_DUE: "Bientôt",
  COMPLETE: "À jour",
  NOT_APPLICABLE: "Ne vous concerne pas",
};

export const THEME_LABELS: Record<Theme, string> = {
  "vaccination-enfant": "Vaccinations de l'enfant et de l'adolescent",
  "vaccination-adulte": "Vaccinations de l'adulte",
  "vaccination-saisonniere": "Grippe et COVID-19",
  depistage: "Dépistages des cancers",
  bilan: "Mon bilan prévention",
  "suivi-enfant": "Examens de l'enfant et bucco-dentaires",
};

export const NOTICES: Record<PreventionNotice, { tone: "success" | "error"; text: string }> = {
  fait: { tone: "success", text: "C'est noté : ce que vous avez déclaré est enregistré dans le dossier." },
  ajoute: { tone: "success", text: "La vaccination est ajoutée au carnet." },
  rappels: { tone: "success", text: "Votre choix de rappels est enregistré." },
  bilan: { tone: "success", text: "Votre questionnaire est enregistré dans votre dossier." },
  invalide: { tone: "error", text: "Rien n'a été enregistré : vérifiez la date (une date passée, après la naissance) et les champs." },
  refuse: { tone: "error", text: "Rien n'a été enregistré : vos droits sur cet espace ne le permettent pas." },
};

/** When the engine has nothing to compute from: the person's page and a professional's tab say the same. */
export const NO_BIRTH_DATE = "Le calendrier ne peut pas être calculé : la date de naissance complète manque au dossier.";

/** Beside the delegation's « pas accessibles » (outOfReach.record): why no calendar follows. */
export const RECORD_OUT_OF_REACH =
  "Le calendrier de prévention dépend de ces données : il n'est pas affiché ici, pour ne pas vous présenter comme à faire une vaccination ou un dépistage peut-être déjà fait. La personne elle-même, ou un proche qui a ce droit, le voit dans son espace.";

/** The vaccination record or certificate, where the delegation does not reach the vaccinations. */
export const VACCINATIONS_OUT_OF_REACH = "Aucune vaccination n'est affichée ici : cela ne veut pas dire qu'aucune n'a été faite.";
