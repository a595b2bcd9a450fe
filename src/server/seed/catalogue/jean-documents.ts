import type { AnalyteKey } from "./lab-panels";
import { labReport } from "./lab-panels";
import { daysAgo, frDate, on, type DocumentPlan, type SeedClock } from "./plan";

/**
 * Jean Martin, 76: type 2 diabetes since 2008, hypertension, dyslipidaemia. Quarterly-ish lab
 * work with a slowly improving HbA1c, his GP (Dr Bernard), his cardiologist (Dr Petit), one
 * emergency visit for a hypoglycaemia (Dr Moreau) and a hospital stay for pneumonia.
 */
type Values = Partial<Record<AnalyteKey, number>>;

/** Jean's diabetes follow-up labs: date, values, and what the biologist wrote. */
const DIABETES_LABS: { key: string; day: string; values: Values; comment: string }[] = [
  { key: "lab-2019-01", day: "2019-01-14", values: { glucose: 1.42, hba1c: 7.4, creat: 10.2, egfr: 72, k: 4.4, chol: 2.12, hdl: 0.44, ldl: 1.38, tg: 1.51, acr: 2.1 }, comment: "Équilibre glycémique insuffisant au regard de l'objectif fixé (HbA1c < 7 %). Fonction rénale modérément diminuée, stable." },
  { key: "lab-2019-10", day: "2019-10-21", values: { glucose: 1.56, hba1c: 7.8, creat: 10.5, egfr: 70, k: 4.6 }, comment: "HbA1c en augmentation." },
  { key: "lab-2020-09", day: "2020-09-14", values: { glucose: 1.61, hba1c: 8.1, creat: 10.9, egfr: 67, k: 4.7, chol: 1.86, hdl: 0.46, ldl: 1.08, tg: 1.6, acr: 3.4 }, comment: "Déséquilibre glycémique. Microalbuminurie débutante à confirmer sur un second prélèvement." },
  { key: "lab-2021-06", day: "2021-06-07", values: { glucose: 1.38, hba1c: 7.6, creat: 10.6, egfr: 69, k: 4.5, acr: 3.1 }, comment: "Amélioration de l'HbA1c. Microalbuminurie confirmée, modérée." },
  { key: "lab-2022-04", day: "2022-04-19", values: { glucose: 1.29, hba1c: 7.2, creat: 10.8, egfr: 68, k: 4.8, chol: 1.64, hdl: 0.48, ldl: 0.88, tg: 1.4 }, comment: "Objectif lipidique atteint sous statine." },
  { key: "lab-2023-03", day: "2023-03-13", values: { glucose: 1.34, hba1c: 7.5, creat: 11.4, egfr: 64, k: 4.9, alt: 28, ast: 24 }, comment: "Légère baisse du débit de filtration glomérulaire estimé : adapter les médicaments éliminés par le rein." },
  { key: "lab-2024-06", day: "2024-06-10", values: { glucose: 1.22, hba1c: 7.0, creat: 11.2, egfr: 65, k: 4.6, chol: 1.58, hdl: 0.5, ldl: 0.82, tg: 1.3, acr: 2.8, psa: 1.9 }, comment: "Objectif d'HbA1c atteint. PSA normal pour l'âge." },
  { key: "lab-2025-05", day: "2025-05-19", values: { glucose: 1.25, hba1c: 7.1, creat: 11.5, egfr: 63, k: 4.7 }, comment: "Équilibre glycémique satisfaisant et stable." },
];

const GP_FOLLOW_UPS: { key: string; day: string; assessment: string; plan: string }[] = [
  { key: "gp-2019", day: "2019-01-21", assessment: "Diabète de type 2 déséquilibré (HbA1c 7,4 %) sous metformine 1 000 mg matin et soir et gliclazide. Pression artérielle 148/86 mmHg au cabinet. Poids 86 kg, IMC 28,4. Pieds : sensibilité au monofilament conservée, pouls pédieux perçus.", plan: "Renforcement des conseils diététiques et de l'activité physique (marche 30 minutes par jour). Introduction de l'amlodipine 5 mg en plus du ramipril. Examen du fond d'œil à programmer. Contrôle biologique dans six mois." },
  { key: "gp-2020", day: "2020-09-28", assessment: "HbA1c à 8,1 % après une année de confinement avec moins d'activité physique. Pression artérielle 138/82 mmHg sous bithérapie. Microalbuminurie débutante.", plan: "Ajout de la sitagliptine 100 mg par jour. Contrôle de la microalbuminurie dans trois mois. Vaccination antigrippale réalisée ce jour." },
  { key: "gp-2022", day: "2022-04-25", assessment: "Bonne évolution : HbA1c 7,2 %, LDL 0,88 g/L. Pression artérielle 132/78 mmHg. Patient aidé par sa fille Camille pour la gestion des rendez-vous et des ordonnances.", plan: "Poursuite du traitement. Rappel : consultation cardiologique annuelle, examen ophtalmologique annuel, podologue." },
  { key: "gp-2024", day: "2024-06-17", assessment: "Diabète équilibré (HbA1c 7,0 %). Plus d'hypoglycémie depuis l'arrêt du gliclazide en 2023. Gonalgies droites mécaniques. Pression artérielle 134/80 mmHg.", plan: "Traitement inchangé. Paracétamol à la demande pour le genou, kinésithérapie prescrite. Rappel diphtérie-tétanos-poliomyélite prévu à 75 ans, en 2025." },
];

function diabetesLab(lab: (typeof DIABETES_LABS)[number], previous?: (typeof DIABETES_LABS)[number]): DocumentPlan {
  const glycaemia: Values = { glucose: lab.values.glucose, hba1c: lab.values.hba1c };
  const kidney: Values = { creat: lab.values.creat, egfr: lab.values.egfr, k: lab.values.k, acr: lab.values.acr };
  const lipids: Values = { chol: lab.values.chol, hdl: lab.values.hdl, ldl: lab.values.ldl, tg: lab.values.tg };
  const other: Values = { alt: lab.values.alt, ast: lab.values.ast, psa: lab.values.psa };
  const defined = (values: Values): Values => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  const prior = previous ? { date: frDate(previous.day), values: previous.values } : undefined;
  const panels = [
    { heading: "Bilan glycémique", values: defined(glycaemia), previous: prior },
    { heading: "Fonction rénale", values: defined(kidney), previous: prior },
    { heading: "Bilan lipidique", values: defined(lipids) },
    { heading: "Autres analyses", values: defined(other) },
  ].filter((panel) => Object.keys(panel.values).length > 0);
  return {
    key: lab.key,
    kind: "lab",
    title: lab.values.chol ? "Bilan du diabète : HbA1c, fonction rénale et lipides" : "Bilan du diabète : HbA1c et fonction rénale",
    date: on(lab.day, 7),
    author: "dubois",
    sections: labReport({ sample: "sang veineux à jeun et urines du matin", prescriber: "Dr Sophie Bernard", panels, comment: lab.comment }),
  };
}

export function jeanDocuments(clock: SeedClock): DocumentPlan[] {
  const labs = DIABETES_LABS.map((lab, i) => diabetesLab(lab, DIABETES_LABS[i - 1]));
  const gp = GP_FOLLOW_UPS.map<DocumentPlan>((visit) => ({
    key: visit.key,
    kind: "consultation",
    title: "Consultation de suivi - diabète de type 2 et hypertension",
    date: on(visit.day, 16),
    author: "bernard",
    sections: [
      { heading: "Bilan", paragraphs: [visit.assessment] },
      { heading: "Conduite à tenir", paragraphs: [visit.plan] },
    ],
  }));
  return [
    ...labs,
    ...gp,
    {
      key: "cardio-2019",
      kind: "consultation",
      title: "Consultation de cardiologie - hypertension artérielle",
      date: on("2019-10-07", 14),
      author: "petit",
      sections: [
        { heading: "Motif", paragraphs: ["Bilan cardiovasculaire annuel d'un patient diabétique hypertendu de 69 ans, ancien fumeur (20 paquets-années, sevré en 2005)."] },
        { heading: "Examen", paragraphs: ["Pression artérielle 142/84 mmHg aux deux bras. Fréquence cardiaque 72/min. Souffle systolique éjectionnel 1/6 au foyer aortique. Pas de souffle carotidien. Électrocardiogramme : rythme sinusal, hypertrophie ventriculaire gauche électrique modérée (indice de Sokolow 37 mm)."] },
        { heading: "Conclusion", paragraphs: ["Hypertension artérielle insuffisamment contrôlée avec retentissement ventriculaire gauche. Automesure tensionnelle sur trois jours demandée. Échocardiographie transthoracique et échographie-Doppler des membres inférieurs à programmer. Objectif tensionnel inférieur à 130/80 mmHg."] },
      ],
    },
    {
      key: "doppler-2020",
      kind: "imaging",
      title: "Échographie-Doppler artérielle des membres inférieurs",
      date: on("2020-02-03", 11),
      author: "lefevre",
      sections: [
        { heading: "Indication", paragraphs: ["Patient diabétique et hypertendu, bilan d'artériopathie. Pas de claudication rapportée."] },
        { heading: "Résultat", paragraphs: ["Infiltration athéromateuse diffuse des axes fémoraux, sans sténose hémodynamiquement significative. Flux triphasiques aux artères poplitées et tibiales postérieures des deux côtés. Index de pression systolique cheville/bras : 0,98 à droite, 0,95 à gauche."] },
        { heading: "Conclusion", paragraphs: ["Athérome infra-clinique des membres inférieurs sans sténose significative."] },
      ],
    },
    {
      key: "echo-heart-2022",
      kind: "imaging",
      title: "Échocardiographie transthoracique",
      date: on("2022-10-10", 10),
      author: "petit",
      sections: [
        { heading: "Mesures", table: {
          columns: [{ label: "Mesure", width: 3 }, { label: "Valeur", width: 1.5, align: "right" }, { label: "Normale", width: 2 }],
          rows: [["Fraction d'éjection VG (Simpson)", "58 %", "> 52 %"], ["Septum interventriculaire", "12 mm", "6 - 10 mm"], ["Diamètre télédiastolique VG", "49 mm", "42 - 58 mm"], ["Oreillette gauche (volume indexé)", "33 mL/m²", "< 34 mL/m²"], ["Vitesse maximale aortique", "2,1 m/s", "< 2,5 m/s"]],
        } },
        { heading: "Conclusion", paragraphs: ["Hypertrophie ventriculaire gauche concentrique modérée, fonction systolique conservée. Dysfonction diastolique de grade 1. Sclérose valvulaire aortique sans sténose. Pas de valvulopathie significative. Contrôle dans trois ans sauf symptôme."] },
      ],
    },
    {
      key: "er-hypoglycaemia-2023",
      kind: "discharge",
      title: "Passage aux urgences - hypoglycémie sévère",
      date: on("2023-02-13", 23),
      author: "moreau",
      sections: [
        { heading: "Motif", paragraphs: ["Malaise avec sueurs et confusion au domicile, découvert par sa fille. Glycémie capillaire à 0,38 g/L relevée par les pompiers, resucrage intraveineux avant l'arrivée."] },
        { heading: "Évolution aux urgences", paragraphs: ["Patient rapidement conscient et orienté. Glycémies de contrôle entre 1,10 et 1,45 g/L sur six heures de surveillance. Cause retenue : prise de gliclazide malgré un repas sauté lors d'une gastro-entérite. Pas de traumatisme. Électrocardiogramme inchangé. Créatinine 12,1 mg/L."] },
        { heading: "Consignes de sortie", list: ["Arrêt définitif du gliclazide, en accord avec le médecin traitant", "Poursuite de la metformine et de la sitagliptine", "Éducation au resucrage remise au patient et à sa fille", "Consultation avec le Dr Bernard dans la semaine"] },
      ],
    },
    {
      key: "xray-knee-2023",
      kind: "imaging",
      title: "Radiographie du genou droit",
      date: on("2023-09-11", 15),
      author: "lefevre",
      sections: [
        { heading: "Indication", paragraphs: ["Gonalgie droite mécanique depuis six mois."] },
        { heading: "Résultat", paragraphs: ["Pincement de l'interligne fémoro-tibial interne, ostéophytes marginaux, condensation sous-chondrale. Interligne fémoro-patellaire conservé. Pas d'épanchement visible."] },
        { heading: "Conclusion", paragraphs: ["Gonarthrose fémoro-tibiale interne droite, stade 2 de Kellgren et Lawrence."] },
      ],
    },
    {
      key: "hospital-pneumonia-2025",
      kind: "discharge",
      title: "Compte rendu d'hospitalisation - pneumopathie aiguë communautaire",
      date: on("2025-01-24", 14),
      author: "roux",
      custodian: "hospital",
      sections: [
        { heading: "Séjour", paragraphs: ["Hospitalisé du 20 au 24 janvier 2025 en service de pneumologie pour une pneumopathie du lobe inférieur droit : fièvre à 39,2 °C, toux productive, CRP 142 mg/L, foyer confirmé à la radiographie."] },
        { heading: "Traitement", paragraphs: ["Amoxicilline et acide clavulanique par voie intraveineuse puis orale pour une durée totale de 7 jours. Apyrexie en 48 heures. Insulinothérapie transitoire pendant l'épisode infectieux, arrêtée à la sortie. Fonction rénale revenue à l'état de base."] },
        { heading: "À la sortie", paragraphs: ["Retour au domicile avec l'aide de sa fille. Reprise du traitement habituel. Radiographie thoracique de contrôle dans six semaines. Vaccination antipneumococcique à jour (2022)."] },
      ],
    },
    {
      key: "cardio-2025",
      kind: "consultation",
      title: "Consultation de cardiologie - suivi annuel",
      date: on("2025-11-17", 14),
      author: "petit",
      sections: [
        { heading: "Examen", paragraphs: ["Asymptomatique sur le plan cardiovasculaire. Pression artérielle 131/78 mmHg, automesure moyenne 127/76 mmHg. Électrocardiogramme stable."] },
        { heading: "Conclusion", paragraphs: ["Hypertension contrôlée sous ramipril et amlodipine. LDL dans l'objectif sous atorvastatine. Poursuite du traitement, revoir dans un an."] },
      ],
    },
    diabetesLab({ key: "lab-recent", day: daysAgo(clock, 21).slice(0, 10), values: { glucose: 1.18, hba1c: 6.9, creat: 11.3, egfr: 64, k: 4.5, chol: 1.52, hdl: 0.51, ldl: 0.79, tg: 1.2, acr: 2.6 }, comment: "Meilleure HbA1c depuis 2019. Fonction rénale stable." }, DIABETES_LABS.at(-1)),
    {
      key: "gp-recent",
      kind: "consultation",
      title: "Consultation de suivi - diabète de type 2 et hypertension",
      date: daysAgo(clock, 14),
      author: "bernard",
      sections: [
        { heading: "Bilan", paragraphs: ["HbA1c 6,9 %, pression artérielle 130/78 mmHg, poids 83 kg. Pas d'hypoglycémie. Genou droit moins douloureux après la kinésithérapie."] },
        { heading: "Prévention", paragraphs: ["Le rappel diphtérie-tétanos-poliomyélite prévu à 75 ans n'a pas été fait : à réaliser rapidement. Vaccination antigrippale de la saison faite en pharmacie."] },
        { heading: "Conduite à tenir", paragraphs: ["Renouvellement du traitement pour trois mois (ordonnance remise, délivrance mensuelle). Prochain bilan biologique dans six mois."] },
      ],
    },
  ];
}
