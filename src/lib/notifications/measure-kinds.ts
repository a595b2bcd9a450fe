import type { KindInfo } from "./kinds";

/**
 * The notices of a judge's protection measure of an adult, told to both the protected adult and
 * her representative (guardianship/*): that a measure was recorded, that it ended, and that its
 * last day comes (guardianship/measures-ending-tick.ts). Fixed sentences: no name, no decision,
 * nothing of her health. A file of their own: kinds.ts had grown past 300 lines.
 */
export const MEASURE_KINDS = ["protection-measure-set", "protection-measure-ended", "protection-measure-ending"] as const;

export const MEASURE_KIND_INFO: Record<(typeof MEASURE_KINDS)[number], KindInfo> = {
  "protection-measure-set": {
    text: "Une mesure de protection décidée par un juge a été enregistrée par l'assistance du service.",
    theirs: "Une mesure de protection concernant {person} a été enregistrée par l'assistance du service.",
    label: "Mesure de protection enregistrée",
    security: true,
    link: "/espace/proches",
  },
  "protection-measure-ended": {
    text: "Une mesure de protection a pris fin : l'assistance du service l'a enregistré.",
    theirs: "Une mesure de protection concernant {person} a pris fin : l'assistance du service l'a enregistré.",
    label: "Fin d'une mesure de protection",
    security: true,
    link: "/espace/proches",
  },
  // Without renewal, the measure ends at its last day (Code civil art. 443); only the judge renews
  // it (art. 442), on a request made in time: said early enough to ask (MEASURE_NOTICE_DAYS).
  "protection-measure-ending": {
    text: "Une mesure de protection décidée par un juge arrive à sa date de fin dans moins de trois mois. Pour qu'elle continue, son renouvellement doit être demandé au juge avant cette date.",
    theirs: "Une mesure de protection concernant {person} arrive à sa date de fin dans moins de trois mois. Pour qu'elle continue, son renouvellement doit être demandé au juge avant cette date.",
    label: "Mesure de protection bientôt terminée",
    security: true,
    link: "/espace/proches",
  },
};
