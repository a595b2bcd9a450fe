import type { Source } from "../types";

/**
 * The documents the 2025 calendar (fr-2025.ts) cites, each with what it says that a rule relies on:
 * kept apart from the rules so that the calendar reads as rules and the sources as references.
 */

/** The vaccination calendar itself, which most rules follow. */
export const CALENDRIER_2025: Source = {
  document: "Calendrier des vaccinations et recommandations vaccinales",
  edition: "2025",
  url: "https://sante.gouv.fr/prevention-en-sante/preserver-sa-sante/vaccination/calendrier-vaccinal",
};

/**
 * The HPV catch-up to 26 years for everyone is not in the 2025 calendar (published on 28 April
 * 2025: 15 to 19 years, 26 for men who have sex with men): the HAS recommended it on 30 April
 * 2025 (published on 13 May); its reimbursement date is to be checked when the calendar is next
 * updated. The schedule of 11 to 14 years is the calendar's.
 */
export const HPV_RATTRAPAGE: Source = {
  document: "Recommandation vaccinale de la HAS du 30 avril 2025 (papillomavirus : rattrapage jusqu'à 26 ans révolus), avec le calendrier des vaccinations",
  edition: "2025",
  url: "https://professionnels.vaccination-info-service.fr/Toutes-les-actualites/Vaccination-HPV-la-HAS-recommande-un-rattrapage-pour-les-femmes-et-les-hommes-jusqu-a-26-ans-revolus",
};

/**
 * HAS, « Recommandation vaccinale contre la coqueluche chez la femme enceinte », validated by its
 * Collège on 7 April 2022 (online on 12 April 2022): from the second trimester, preferably between
 * 20 and 36 weeks of amenorrhoea, in each pregnancy; without it, the « cocooning » of the mother
 * and those around the newborn at birth. The HAS said it would enter the 2022 calendar; the text
 * of the 2025 edition was not at hand to quote, so the HAS's document is the item's source.
 */
export const COQUELUCHE_GROSSESSE: Source = {
  document: "Recommandation vaccinale contre la coqueluche chez la femme enceinte (Haute Autorité de santé)",
  edition: "7 avril 2022",
  url: "https://www.has-sante.fr/jcms/p_3084228/fr/recommandation-vaccinale-contre-la-coqueluche-chez-la-femme-enceinte",
};

export const SEIN: Source = {
  document: "Programme national de dépistage organisé du cancer du sein (arrêté du 29 septembre 2006 modifié)",
  edition: "cahier des charges en vigueur en 2025",
  url: "https://www.e-cancer.fr/Comprendre-prevenir-depister/Se-faire-depister/Depistage-du-cancer-du-sein",
};

export const COLORECTAL: Source = {
  document: "Programme national de dépistage organisé du cancer colorectal (arrêté du 29 septembre 2006 modifié)",
  edition: "cahier des charges en vigueur en 2025",
  url: "https://www.e-cancer.fr/Comprendre-prevenir-depister/Se-faire-depister/Depistage-du-cancer-colorectal",
};

/**
 * Its edition is the programme's arrêté, the HAS's recommendation named in the document: the page
 * writes « {document} ({edition}) » and « {document}, {edition}. », which read « … de la HAS
 * (2020 (recommandation HAS de juillet 2019)) » with the year and the HAS's date as the edition.
 */
export const COL: Source = {
  document: "Recommandation de la HAS de juillet 2019 et programme national de dépistage organisé du cancer du col de l'utérus",
  edition: "arrêté du 30 juillet 2020",
  url: "https://www.e-cancer.fr/Comprendre-prevenir-depister/Se-faire-depister/Depistage-du-cancer-du-col-de-l-uterus",
};

export const BILAN: Source = {
  document: "Mon bilan prévention (article L1411-6-2 du code de la santé publique)",
  edition: "2024",
  url: "https://sante.gouv.fr/prevention-en-sante/preserver-sa-sante/mon-bilan-prevention/",
};

export const EXAMENS_ENFANT: Source = {
  document: "Examens de santé obligatoires de l'enfant (code de la santé publique, articles L2132-2 et R2132-1)",
  edition: "en vigueur depuis le 1er mars 2019",
  url: "https://www.legifrance.gouv.fr/codes/section_lc/LEGITEXT000006072665/LEGISCTA000006190483/",
};

export const MT_DENTS: Source = {
  document: "M'T dents tous les ans (examen bucco-dentaire de prévention, Assurance Maladie)",
  edition: "2025",
  url: "https://www.ameli.fr/assure/sante/bons-gestes/mt-dents",
};

export const CAMPAGNE: Source = {
  document: "Campagne de vaccination contre la grippe et le COVID-19 (ministère chargé de la santé, Assurance Maladie)",
  edition: "annuelle",
  url: "https://www.ameli.fr/assure/sante/themes/grippe-saisonniere/vaccination-grippe",
};

/**
 * The spring COVID-19 campaign (HAS, avis du 3 mars 2025, and the ministry's campaign of 14 April
 * to 14 June 2025, as the ARS Île-de-France announced it: « personnes âgées de 80 ans ou plus ;
 * patients immunodéprimés, quel que soit leur âge ; résidents des EHPAD et USLD », « trois mois
 * après leur dernière injection ou infection »). Residence in an EHPAD is not in the record, so
 * those residents younger than 80 and not immunocompromised are not found by the rule.
 */
export const CAMPAGNE_PRINTEMPS: Source = {
  document: "COVID-19 : renouvellement vaccinal pour les plus fragiles au printemps 2025 (ARS Île-de-France, d'après l'avis de la HAS du 3 mars 2025)",
  edition: "printemps 2025",
  url: "https://www.iledefrance.ars.sante.fr/covid-19-renouvellement-vaccinal-pour-les-plus-fragiles-au-printemps-2025",
};

/**
 * Nirsevimab (Beyfortus), a monoclonal antibody, not a vaccine: HAS, « Nirsévimab (Beyfortus®) dans
 * la prévention des bronchiolites à virus respiratoire syncytial (VRS) chez les nouveau-nés et les
 * nourrissons », réponse rapide put online on 14 September 2023: « une seule injection », « pour
 * les nouveau-nés et nourrissons au cours de leur première année d'exposition à ce virus », « Il ne
 * s'agit pas d'un vaccin », given « prioritairement avant le début de l'épidémie » to those born
 * since February and at the maternity to those born during the campaign. Each season the
 * ministry (DGS) sets the campaign's days and the first-season cohort (the campaigns below). A
 * second season's dose is only for children who stay vulnerable (AFPA, 29 September 2025, on the
 * arrêté of 26 September 2025): the record does not tell who they are, so it is not an item.
 */
export const NIRSEVIMAB: Source = {
  document: "Nirsévimab (Beyfortus) dans la prévention des bronchiolites à VRS chez les nouveau-nés et les nourrissons (Haute Autorité de santé, réponse rapide)",
  edition: "14 septembre 2023, avec les campagnes annuelles du ministère chargé de la santé",
  url: "https://has-sante.fr/jcms/p_3461236/fr/nirsevimab-beyfortus-dans-la-prevention-des-bronchiolites-a-virus-respiratoire-syncytial-vrs-chez-les-nouveau-nes-et-les-nourrissons",
};

/**
 * The maternal RSV vaccine (Abrysvo): HAS, « Recommandation vaccinale contre les infections à VRS
 * chez les femmes enceintes », online on 13 June 2024, as MesVaccins.net reports it (the HAS's own
 * page was not at hand): « par précaution, … uniquement entre 32 et 36 semaines d'aménorrhée »; the
 * maternal vaccination and the infant's antibody « sont deux stratégies alternatives », presented
 * to the parents for their choice; the antibody is still needed when the vaccination « risque de
 * ne pas être efficace : nouveaux-nés prématurés, intervalle entre la vaccination et la naissance
 * de moins de 14 jours »; both campaigns « concomitantes entre septembre et janvier » (Naître en
 * Alsace, quoting the HAS). The HAS gives no opinion on a dose in a later pregnancy, so the item
 * asks for one in each pregnancy in the season, as long as none is recorded in this one.
 */
export const VRS_GROSSESSE: Source = {
  document: "Recommandation vaccinale contre les infections à VRS chez les femmes enceintes (Haute Autorité de santé)",
  edition: "13 juin 2024",
  url: "https://www.mesvaccins.net/web/news/22196-la-has-recommande-la-vaccination-des-femmes-enceintes-avec-le-vaccin-abrysvo-comme-un-moyen-supplementaire-de-prevention-des-infections-a-vrs-chez-les-nourrissons",
};

/**
 * The RSV campaigns in metropolitan France (the overseas territories have their own days, which
 * the record does not tell apart). 2024-2025: from 15 September 2024 at the maternity for the
 * babies born in the season, the catch-up for « tous les nourrissons nés à partir du 1er janvier
 * 2024 » (DGS, as Les nouvelles du jour and Le Quotidien du pharmacien report it), ended by the
 * DGS on 31 January 2025 for the newborns, infants and pregnant women (Le Moniteur des pharmacies).
 */
export const CAMPAGNE_VRS_2024: Source = {
  document: "Campagne d'immunisation contre le VRS 2024-2025 (direction générale de la santé)",
  edition: "2024-2025",
  url: "https://lemoniteurdespharmacies-wp.1hpp.fr/nouvelles-missions/vaccination/le-vrs-sen-va-la-campagne-dimmunisation-aussi",
};

/**
 * 2025-2026: from 1 September 2025, for the children born from then and, « à titre de rattrapage,
 * les enfants nés entre février et août 2025 » (DGS, as Vidal reports it, 2025), Abrysvo for the
 * pregnant women from the same day; ended in metropolitan France on 20 February 2026 (DGS, as
 * Pourquoi Docteur reports it). The 2023-2024 campaign (from 15 September 2023, for those born
 * since 6 February 2023) is left out: its last day could not be read here, and those children are
 * past their first season.
 */
export const CAMPAGNE_VRS_2025: Source = {
  document: "Campagne 2025-2026 de prévention des infections à VRS (direction générale de la santé)",
  edition: "2025-2026",
  url: "https://www.vidal.fr/actualites/31448-campagne-2025-2026-de-prevention-des-infections-a-vrs-vaccin-abrysvo-ou-anticorps-monoclonaux.html",
};

/**
 * Flu for every child from 2 to 17 years, at risk or not: the HAS recommended on 9 February 2023
 * « que la vaccination contre la grippe saisonnière soit intégrée au calendrier vaccinal pour être
 * proposée chaque année aux enfants sans comorbidité âgés de 2 à 17 ans révolus, sans la rendre
 * obligatoire », preferring the live nasal vaccine (Fluenz) save for immunocompromised children;
 * the calendar took it in from its 2023 edition, and the 2023-2024 campaign opened to these
 * children (Le Quotidien du pharmacien, 2023; the Assurance maladie's announcement of 17 October
 * 2023 as AFP reported it). Read here from the HAS's own page of the recommendation and those
 * reports; the 2025 calendar's own table was not at hand. Nothing is said of the reimbursement:
 * the reports of it disagree.
 */
export const GRIPPE_ENFANTS: Source = {
  document: "Révision de la stratégie de vaccination contre la grippe saisonnière : extension aux enfants sans comorbidité (Haute Autorité de santé)",
  edition: "février 2023",
  url: "https://www.has-sante.fr/jcms/p_3350703/fr/revision-de-la-strategie-de-vaccination-contre-la-grippe-saisonniere-evaluation-de-la-pertinence-de-l-extension-de-la-vaccination-chez-les-enfants-sans-comorbidite",
};
