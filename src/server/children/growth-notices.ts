import { t } from "@/lib/i18n/messages";

/**
 * The codes a growth form post comes back with (?message=…), and what the page says for each
 * (its words in the catalogue, fr-growth.ts). Fixed texts: nothing from the request is ever
 * echoed into the page.
 */
export const GROWTH_NOTICES = {
  ajoute: { tone: "success", text: t("growth.notices.ajoute") },
  vide: { tone: "error", text: t("growth.notices.vide") },
  date: { tone: "error", text: t("growth.notices.date") },
  futur: { tone: "error", text: t("growth.notices.futur") },
  naissance: { tone: "error", text: t("growth.notices.naissance") },
  "poids-nombre": { tone: "error", text: t("growth.notices.poids-nombre") },
  poids: { tone: "error", text: t("growth.notices.poids") },
  "poids-age": { tone: "error", text: t("growth.notices.poids-age") },
  "taille-nombre": { tone: "error", text: t("growth.notices.taille-nombre") },
  taille: { tone: "error", text: t("growth.notices.taille") },
  "taille-age": { tone: "error", text: t("growth.notices.taille-age") },
  "perimetre-nombre": { tone: "error", text: t("growth.notices.perimetre-nombre") },
  perimetre: { tone: "error", text: t("growth.notices.perimetre") },
  "perimetre-age": { tone: "error", text: t("growth.notices.perimetre-age") },
  invraisemblable: { tone: "error", text: t("growth.notices.invraisemblable") },
  espace: { tone: "error", text: t("growth.notices.espace") },
  refuse: { tone: "error", text: t("growth.notices.refuse") },
  echec: { tone: "error", text: t("growth.notices.echec") },
} as const satisfies Record<string, { tone: "success" | "error"; text: string }>;

export type GrowthNotice = keyof typeof GROWTH_NOTICES;

export function isGrowthNotice(value: unknown): value is GrowthNotice {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(GROWTH_NOTICES, value);
}

/** The form's fields (their names and ids on the page), as the post names them. */
export type GrowthFormField = "date" | "poids" | "taille" | "perimetre";

/**
 * The field a refusal is about: the page marks it (aria-invalid, the reason read with it) and
 * puts the focus there, so the parent corrects it at once instead of looking for it from the
 * top of a long page on a phone. The other refusals are about the whole form: the box says them.
 */
export const GROWTH_NOTICE_FIELD: Partial<Record<GrowthNotice, GrowthFormField>> = {
  date: "date",
  futur: "date",
  naissance: "date",
  "poids-nombre": "poids",
  poids: "poids",
  "poids-age": "poids",
  "taille-nombre": "taille",
  taille: "taille",
  "taille-age": "taille",
  "perimetre-nombre": "perimetre",
  perimetre: "perimetre",
  "perimetre-age": "perimetre",
};
