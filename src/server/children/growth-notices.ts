/**
 * The codes a growth form post comes back with (?message=…), and what the page says for each.
 * Fixed texts: nothing from the request is ever echoed into the page.
 */
export const GROWTH_NOTICES = {
  ajoute: { tone: "success", text: "La mesure a été ajoutée au carnet de santé." },
  vide: { tone: "error", text: "Indiquez au moins une mesure : le poids, la taille ou le périmètre crânien." },
  date: { tone: "error", text: "La date de la mesure doit être une date réelle, au plus tard aujourd'hui." },
  naissance: { tone: "error", text: "La date de la mesure ne peut pas être antérieure à la naissance." },
  poids: { tone: "error", text: "Le poids doit être un nombre de kilos entre 0,3 et 250 (par exemple 18,5)." },
  taille: { tone: "error", text: "La taille doit être un nombre de centimètres entre 20 et 250 (par exemple 112,5)." },
  perimetre: { tone: "error", text: "Le périmètre crânien doit être un nombre de centimètres entre 15 et 75." },
  invraisemblable: { tone: "error", text: "Cette valeur est très éloignée de ce qui est possible à cet âge : vérifiez l'unité et la virgule. Rien n'a été enregistré." },
  espace: { tone: "error", text: "Cet espace n'est plus celui où vous agissez (votre accès a changé, ou l'enfant a eu 18 ans) : rien n'a été enregistré." },
  refuse: { tone: "error", text: "Vous ne pouvez pas ajouter de mesure dans cet espace." },
  echec: { tone: "error", text: "La mesure n'a pas pu être enregistrée. Réessayez." },
} as const satisfies Record<string, { tone: "success" | "error"; text: string }>;

export type GrowthNotice = keyof typeof GROWTH_NOTICES;

export function isGrowthNotice(value: unknown): value is GrowthNotice {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(GROWTH_NOTICES, value);
}
