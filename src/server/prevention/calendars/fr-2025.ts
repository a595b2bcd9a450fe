import type { Calendar, ConditionKind } from "../types";
import {
  CALENDRIER_2025,
  HPV_RATTRAPAGE,
  COQUELUCHE_GROSSESSE,
  SEIN,
  COLORECTAL,
  COL,
  BILAN,
  EXAMENS_ENFANT,
  MT_DENTS,
  CAMPAGNE,
  CAMPAGNE_PRINTEMPS,
  NIRSEVIMAB,
  VRS_GROSSESSE,
  CAMPAGNE_VRS_2024,
  CAMPAGNE_VRS_2025,
  GRIPPE_ENFANTS,
} from "./fr-2025-sources";

/** The people the calendar lists as at risk for flu and COVID-19 (chronic disease, immunosuppression, pregnancy). */
const SEASONAL_RISK: readonly ConditionKind[] = ["asthma", "severe-asthma", "copd", "diabetes", "heart-failure", "immunocompromised", "pregnancy"];

/**
 * The French calendar, 2025 edition, as data: the vaccination calendar, the organised cancer
 * screening programmes, "Mon bilan prévention" and the child's health examinations. A new
 * edition is a new file reviewed against its sources; the engine does not change.
 *
 * Where a source sets no "overdue" moment, the conventions of issue 14 apply and are written
 * in the rule (overdueAfterMonths, windows), not in code.
 */
export const FR_2025: Calendar = {
  id: "fr-2025",
  title: "Calendrier français 2025",
  campaigns: [
    { id: "2024-2025", vaccines: ["FLU", "COVID"], start: "2024-10-15", end: "2025-02-28", source: CAMPAGNE },
    { id: "2025-2026", vaccines: ["FLU", "COVID"], start: "2025-10-14", end: "2026-01-31", source: CAMPAGNE },
    // Announced each summer: these dates follow the previous campaigns' pattern until the
    // ministry publishes them, and must be checked then.
    { id: "2026-2027", vaccines: ["FLU", "COVID"], start: "2026-10-13", end: "2027-01-31", source: CAMPAGNE, provisional: true },
    // Spring COVID-19 campaigns: 2024 (HAS, avis du 8 février 2024: 15 April to 16 June 2024) and
    // 2025 (above). The 2026 campaign's dates could not be read here and are left out (a past
    // campaign changes nothing now: a dose given then still counts for the interval); 2027's
    // follow the pattern, to be checked when announced.
    { id: "printemps-2024", name: "de printemps 2024", vaccines: ["COVID_SPRING"], start: "2024-04-15", end: "2024-06-16", source: CAMPAGNE_PRINTEMPS },
    { id: "printemps-2025", name: "de printemps 2025", vaccines: ["COVID_SPRING"], start: "2025-04-14", end: "2025-06-14", source: CAMPAGNE_PRINTEMPS },
    { id: "printemps-2027", name: "de printemps 2027", vaccines: ["COVID_SPRING"], start: "2027-04-14", end: "2027-06-14", source: CAMPAGNE_PRINTEMPS, provisional: true },
    // RSV (bronchiolitis): the infants' antibody and the maternal vaccine share each campaign.
    { id: "vrs-2024-2025", name: "contre le VRS 2024-2025", vaccines: ["RSV"], start: "2024-09-15", end: "2025-01-31", bornFrom: "2024-01-01", source: CAMPAGNE_VRS_2024 },
    { id: "vrs-2025-2026", name: "contre le VRS 2025-2026", vaccines: ["RSV"], start: "2025-09-01", end: "2026-02-20", bornFrom: "2025-02-01", source: CAMPAGNE_VRS_2025 },
    // Foreseen, to be checked against the DGS's announcement: the 2025-2026 pattern (1 September,
    // a catch-up from February), and an end at the end of February: the last campaign ran to 20
    // February, and an end foreseen too early would tell a baby born in February that the season
    // is over while it is not, where one too late only leaves the item asked for a few more days.
    { id: "vrs-2026-2027", name: "contre le VRS 2026-2027", vaccines: ["RSV"], start: "2026-09-01", end: "2027-02-28", bornFrom: "2026-02-01", source: CAMPAGNE_VRS_2025, provisional: true },
  ],
  rules: [
    // Infants. Mandatory for children born from 1 January 2018 (loi du 30 décembre 2017), and
    // meningococcus B and ACWY for those born from 1 January 2025.
    {
      item: "HEXA", kind: "infant-series", label: "Diphtérie, tétanos, coqueluche, polio, Haemophilus, hépatite B (hexavalent)", theme: "vaccination-enfant",
      source: CALENDRIER_2025, vaccines: ["hexa"], doses: [{ month: 2 }, { month: 4 }, { month: 11 }], untilMonths: 72, mandatoryFrom: "2018-01-01",
    },
    {
      item: "PCV_INFANT", kind: "infant-series", label: "Pneumocoque (nourrisson)", theme: "vaccination-enfant",
      source: CALENDRIER_2025, vaccines: ["pcv"], doses: [{ month: 2 }, { month: 4 }, { month: 11 }], untilMonths: 24, mandatoryFrom: "2018-01-01",
    },
    {
      item: "MENB_INFANT", kind: "infant-series", label: "Méningocoque B (nourrisson)", theme: "vaccination-enfant",
      source: CALENDRIER_2025, vaccines: ["menb"], doses: [{ month: 3 }, { month: 5 }, { month: 12 }], untilMonths: 24, mandatoryFrom: "2025-01-01",
    },
    // Rotavirus, for every infant (HAS recommendation of June 2022, in the calendar since its 2023
    // edition): the first dose from 6 weeks, two doses at 2 and 3 months with the monovalent
    // vaccine or three at 2, 3 and 4 months with the pentavalent one. Not mandatory. Santé
    // publique France (vaccination-info-service.fr, « Gastro-entérite à rotavirus »): « La première
    // dose de vaccin peut être prise jusqu'à l'âge de 4 mois » and the series is finished before 6
    // months (Rotarix) or 8 months (RotaTeq). So a first dose not given at 2 months is still to do
    // until 4 months, soon, not « en retard » (it read so from 3 months to 6, when the limit that
    // matters is the last age to start); past 4 months without it the series is not started, and
    // past 6 months (8 once a RotaTeq dose is recorded) it is neither started nor caught up: the
    // item says so.
    {
      item: "ROTAVIRUS", kind: "infant-series", label: "Rotavirus (nourrisson)", theme: "vaccination-enfant",
      source: CALENDRIER_2025, vaccines: ["rota1", "rota5"], doses: [{ month: 2 }, { month: 3 }], untilMonths: 6,
      longerWith: { vaccine: "rota5", doses: [{ month: 2 }, { month: 3 }, { month: 4 }], untilMonths: 8, why: "Avec le vaccin pentavalent (RotaTeq), la vaccination compte 3 doses." },
      noCatchUp: true, firstDoseUntilMonths: 4,
    },
    {
      item: "MENACWY_INFANT", kind: "infant-series", label: "Méningocoques ACWY (nourrisson)", theme: "vaccination-enfant",
      source: CALENDRIER_2025, vaccines: ["menacwy"], doses: [{ month: 6 }, { month: 12 }], untilMonths: 24, mandatoryFrom: "2025-01-01",
      // 2025 edition: the 12-month dose completes it after a 6-month ACWY or a MenC dose, and a
      // child not vaccinated against ACWY needs one dose in the catch-up from 12 to 24 months.
      oneDoseFromMonths: 12,
    },
    // MMR: two doses from 12 months. The 2025 edition asks a third dose of those born since 1980
    // whose first came before 12 months: a dose before 12 months counts in neither MMR rule.
    {
      item: "ROR", kind: "infant-series", label: "Rougeole, oreillons, rubéole (ROR)", theme: "vaccination-enfant",
      source: CALENDRIER_2025, vaccines: ["ror"], doses: [{ month: 12 }, { month: 16, to: 18 }], untilMonths: 216, mandatoryFrom: "2018-01-01", countsFromMonths: 12,
    },
    // Bronchiolitis (RSV): one dose of an antibody in the infant's first season (NIRSEVIMAB), unless
    // the mother chose the maternal vaccine (RSV_PREGNANCY), which is in her record, not the child's.
    {
      item: "RSV_INFANT", kind: "first-season", label: "Protection contre la bronchiolite (VRS)", theme: "vaccination-enfant", source: NIRSEVIMAB,
      vaccines: ["nirsevimab"], campaign: "RSV",
    },
    // Children and adolescents.
    {
      item: "DTCAP_6Y", kind: "child-booster", label: "Rappel diphtérie, tétanos, coqueluche, polio à 6 ans", theme: "vaccination-enfant",
      source: CALENDRIER_2025, vaccines: ["dtp", "dtcap"], fromYears: 6, toYears: 6, countsFromYears: 5, untilYears: 11,
    },
    {
      item: "DTCAP_11_13", kind: "child-booster", label: "Rappel diphtérie, tétanos, coqueluche, polio entre 11 et 13 ans", theme: "vaccination-enfant",
      source: CALENDRIER_2025, vaccines: ["dtp", "dtcap"], fromYears: 11, toYears: 13, countsFromYears: 10, untilYears: 16,
    },
    {
      item: "HPV", kind: "course", label: "Papillomavirus (HPV)", theme: "vaccination-enfant", source: HPV_RATTRAPAGE, vaccines: ["hpv"],
      // Two doses 6 months apart when started from 11 to 14; three doses (0, 2, 6 months) in
      // catch-up, open to everyone up to 26 years included since the HAS's 2025 recommendation.
      schedules: [
        { fromYears: 11, toYears: 14, offsetsMonths: [0, 6] },
        { fromYears: 15, toYears: 26, offsetsMonths: [0, 2, 6] },
      ],
    },
    {
      item: "MENACWY_ADO", kind: "eligibility", label: "Méningocoques ACWY (adolescent)", theme: "vaccination-enfant",
      source: CALENDRIER_2025, vaccines: ["menacwy"], who: { fromYears: 11, toYears: 14 }, doses: 1, countsFromYears: 10,
    },
    {
      item: "MENACWY_CATCHUP", kind: "eligibility", label: "Méningocoques ACWY (rattrapage)", theme: "vaccination-adulte",
      source: CALENDRIER_2025, vaccines: ["menacwy"], who: { fromYears: 15, toYears: 24 }, doses: 1, countsFromYears: 10, catchUp: true,
    },
    // Adults.
    {
      item: "DTP_ADULT", kind: "adult-booster", label: "Rappel diphtérie, tétanos, polio (avec la coqueluche à 25 ans)", theme: "vaccination-adulte",
      source: CALENDRIER_2025, vaccines: ["hexa", "dtcap", "dtp"], fixedAges: [25, 45, 65, 75, 85, 95, 105, 115], minYears: 5,
    },
    // Pertussis in each pregnancy, to protect the newborn (evaluators/pregnancy.ts: how weeks are counted).
    // The dTcaP vaccines (dtcap) are the ones the record knows that carry pertussis for an adult.
    {
      item: "PERTUSSIS_PREGNANCY", kind: "pregnancy", label: "Coqueluche pendant la grossesse", theme: "vaccination-adulte", source: COQUELUCHE_GROSSESSE,
      vaccines: ["dtcap"], fromWeeks: 20, preferredToWeeks: 36, against: "contre la coqueluche",
    },
    // RSV, for the baby: from 32 to 36 weeks, during the campaign only (VRS_GROSSESSE).
    {
      item: "RSV_PREGNANCY", kind: "pregnancy", label: "Bronchiolite (VRS) : vaccination pendant la grossesse", theme: "vaccination-adulte", source: VRS_GROSSESSE,
      vaccines: ["rsv"], fromWeeks: 32, preferredToWeeks: 36, against: "contre le VRS", season: { campaign: "RSV", toWeeks: 36 },
    },
    {
      item: "ROR_CATCHUP", kind: "eligibility", label: "Rougeole, oreillons, rubéole (rattrapage adulte)", theme: "vaccination-adulte",
      source: CALENDRIER_2025, vaccines: ["ror"], who: { fromYears: 18, bornFrom: "1980-01-01" }, doses: 2, intervalMonths: 1, catchUp: true, countsFromYears: 1,
      // A live attenuated vaccine, not given during a pregnancy (GERES, « Vaccination contre la
      // rubéole », updated March 2023: a pregnancy is to be avoided in the month after the dose;
      // UTIP, « Vaccins et grossesse »: live vaccines against measles, mumps and rubella are not
      // to be used during a pregnancy). A pregnant woman of 34 read it « À faire maintenant ».
      notInPregnancy: true,
    },
    {
      item: "FLU", kind: "seasonal", label: "Grippe saisonnière", theme: "vaccination-saisonniere", source: CALENDRIER_2025,
      campaign: "FLU", vaccines: ["flu"], who: { fromYears: 65, conditions: SEASONAL_RISK, riskFromYears: 0 }, fromMonths: 6,
      children: { fromYears: 2, toYears: 17, source: GRIPPE_ENFANTS, note: "la vaccination contre la grippe est proposée chaque année aux enfants de 2 à 17 ans, de préférence en pulvérisation nasale" },
    },
    {
      item: "COVID", kind: "seasonal", label: "COVID-19", theme: "vaccination-saisonniere", source: CALENDRIER_2025,
      campaign: "COVID", vaccines: ["covid"], who: { fromYears: 65, conditions: SEASONAL_RISK, riskFromYears: 0 }, fromMonths: 6,
      intervals: [{ months: 3, fromYears: 80 }, { months: 3, conditions: ["immunocompromised"] }, { months: 6 }],
    },
    {
      // A second dose each year, in spring, for those whose protection fades fastest (CAMPAGNE_PRINTEMPS).
      item: "COVID_SPRING", kind: "seasonal", label: "COVID-19 (rappel de printemps)", theme: "vaccination-saisonniere", source: CAMPAGNE_PRINTEMPS,
      campaign: "COVID_SPRING", vaccines: ["covid"], who: { fromYears: 80, conditions: ["immunocompromised"], riskFromYears: 0 }, fromMonths: 6,
      intervals: [{ months: 3 }],
    },
    {
      item: "PCV20", kind: "eligibility", label: "Pneumocoque (vaccin conjugué 20-valent)", theme: "vaccination-adulte", source: CALENDRIER_2025,
      vaccines: ["pcv"], who: { fromYears: 65, conditions: ["immunocompromised", "diabetes", "copd", "severe-asthma", "heart-failure"], riskFromYears: 18 },
      doses: 1, countsFromYears: 18,
    },
    {
      item: "ZOSTER", kind: "eligibility", label: "Zona (deux doses à deux mois d'intervalle)", theme: "vaccination-adulte", source: CALENDRIER_2025,
      vaccines: ["zoster"], who: { fromYears: 65, conditions: ["immunocompromised"], riskFromYears: 18 }, doses: 2, intervalMonths: 2, countsFromYears: 18,
    },
    {
      // HAS, recommendation of 4 July 2024 (RSV vaccination of adults of 60 and over, Arexvy or
      // Abrysvo), taken into the calendar: everyone from 75, and from 65 those with a chronic
      // respiratory disease (« particulièrement la BPCO ») or a cardiac one (« particulièrement
      // l'insuffisance cardiaque ») likely to decompensate with RSV (mesvaccins.net, news 22198,
      // read with the HAS's press release as Europe 1 reported it). Asthma is a chronic
      // respiratory disease; the record's conditions beyond these (diabetes, immunodepression)
      // are not in that population.
      item: "RSV_OLDER", kind: "eligibility", label: "Virus respiratoire syncytial (VRS)", theme: "vaccination-adulte", source: CALENDRIER_2025,
      vaccines: ["rsv"], who: { fromYears: 75, conditions: ["asthma", "severe-asthma", "copd", "heart-failure"], riskFromYears: 65 }, doses: 1, countsFromYears: 60,
    },
    // Organised screening.
    {
      item: "SCR_BREAST", kind: "screening", label: "Dépistage du cancer du sein (mammographie)", theme: "depistage", source: SEIN,
      who: { sex: "female", fromYears: 50, toYears: 74 }, tests: [{ procedure: "mammography", everyYears: 2 }], overdueAfterMonths: 6,
    },
    {
      item: "SCR_CRC", kind: "screening", label: "Dépistage du cancer colorectal (test immunologique)", theme: "depistage", source: COLORECTAL,
      // After a colonoscopy the programme invites again five years later.
      who: { fromYears: 50, toYears: 74 }, tests: [{ procedure: "fit", everyYears: 2 }, { procedure: "colonoscopy", everyYears: 5 }], overdueAfterMonths: 6,
    },
    {
      item: "SCR_CERVIX", kind: "cervical", label: "Dépistage du cancer du col de l'utérus", theme: "depistage", source: COL,
      fromYears: 25, hpvFromYears: 30, toYears: 65, overdueAfterMonths: 6,
    },
    {
      item: "BILAN_PREV", kind: "bands", label: "Mon bilan prévention", theme: "bilan", source: BILAN, procedure: "bilan",
      bands: [{ fromYears: 18, toYears: 25 }, { fromYears: 45, toYears: 50 }, { fromYears: 60, toYears: 65 }, { fromYears: 70, toYears: 75 }],
    },
    // The child's follow-up: the 20 mandatory examinations, windows in completed months.
    {
      item: "CHILD_EXAM", kind: "visits", label: "Examen de santé obligatoire de l'enfant", theme: "suivi-enfant", source: EXAMENS_ENFANT, procedure: "child-exam",
      visits: [
        { fromMonths: 0, toMonths: 0, label: "les trois examens du premier mois (dans les 8 jours, la 2e semaine, avant la fin du 1er mois)" },
        ...[2, 3, 4, 5, 6].map((n) => ({ fromMonths: n - 1, toMonths: n - 1, label: `l'examen du ${n}e mois` })),
        { fromMonths: 8, toMonths: 8, label: "l'examen du 9e mois" },
        { fromMonths: 11, toMonths: 11, label: "l'examen du 12e mois" },
        { fromMonths: 12, toMonths: 12, label: "l'examen du 13e mois" },
        { fromMonths: 15, toMonths: 16, label: "l'examen du 16e ou 17e mois" },
        { fromMonths: 23, toMonths: 24, label: "l'examen du 24e ou 25e mois" },
        ...[3, 4, 5, 6].map((n) => ({ fromMonths: n * 12, toMonths: n * 12 + 11, label: `l'examen de ${n} ans` })),
        { fromMonths: 96, toMonths: 119, label: "l'examen de 8 ou 9 ans" },
        { fromMonths: 132, toMonths: 167, label: "l'examen entre 11 et 13 ans" },
        { fromMonths: 180, toMonths: 203, label: "l'examen de 15 ou 16 ans" },
      ],
    },
    {
      item: "DENTAL", kind: "visits", label: "Examen bucco-dentaire de prévention (M'T dents)", theme: "suivi-enfant", source: MT_DENTS, procedure: "dental",
      visits: Array.from({ length: 22 }, (_, k) => ({ fromMonths: (3 + k) * 12, toMonths: (3 + k) * 12 + 11, label: `l'examen de ${3 + k} ans` })),
    },
  ],
};
