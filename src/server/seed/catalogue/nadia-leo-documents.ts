import { labReport } from "./lab-panels";
import { daysAgo, on, type DocumentPlan, type SeedClock } from "./plan";

/**
 * Nadia Benali, 34: migraine and iron deficiency, followed at a health centre (Dr Girard); she
 * shares her record with no one. Léo Martin, 10: a child followed by a paediatrician.
 */
export function nadiaDocuments(clock: SeedClock): DocumentPlan[] {
  return [
    {
      key: "gp-migraine-2019",
      kind: "consultation",
      title: "Consultation - céphalées",
      date: on("2019-09-16", 11),
      author: "girard",
      sections: [
        { heading: "Motif", paragraphs: ["Céphalées hémicrâniennes pulsatiles, trois à quatre crises par mois depuis l'adolescence, aggravées par la lumière et le bruit, parfois précédées de troubles visuels. Fatigue importante depuis quelques mois."] },
        { heading: "Examen", paragraphs: ["Examen neurologique normal. Pression artérielle 112/68 mmHg. Pâleur cutanéo-muqueuse modérée."] },
        { heading: "Conclusion", paragraphs: ["Migraine avec aura typique. Traitement de crise par triptan. Agenda des crises à tenir. Bilan sanguin pour la fatigue (hémogramme, ferritine, TSH)."] },
      ],
    },
    {
      key: "lab-iron-2019",
      kind: "lab",
      title: "Hémogramme, ferritine et TSH",
      date: on("2019-09-20", 7),
      author: "dubois",
      sections: labReport({
        sample: "sang veineux",
        prescriber: "Dr Lucas Girard",
        panels: [
          { heading: "Hémogramme", values: { rbc: 4.21, hb: 11.2, hct: 34.6, mcv: 78, wbc: 5.8, neutro: 3.1, lympho: 2.0, platelets: 318 } },
          { heading: "Bilan martial et thyroïdien", values: { ferritin: 8, tsh: 2.1 } },
        ],
        comment: "Anémie microcytaire par carence martiale. Fonction thyroïdienne normale.",
      }),
    },
    {
      key: "lab-iron-2020",
      kind: "lab",
      title: "Hémogramme et ferritine - contrôle",
      date: on("2020-01-13", 7),
      author: "dubois",
      sections: labReport({
        sample: "sang veineux",
        prescriber: "Dr Lucas Girard",
        panels: [{ heading: "Résultats", values: { hb: 12.9, mcv: 85, ferritin: 46 } }],
        comment: "Correction de l'anémie après trois mois de supplémentation en fer.",
      }),
    },
    {
      key: "mri-brain-2021",
      kind: "imaging",
      title: "IRM cérébrale",
      date: on("2021-04-26", 18),
      author: "lefevre",
      sections: [
        { heading: "Indication", paragraphs: ["Migraine avec aura, modification récente de la sémiologie des crises. Recherche d'une lésion intracrânienne."] },
        { heading: "Technique", paragraphs: ["Séquences T1, T2, FLAIR, diffusion et T2 écho de gradient, sans injection de produit de contraste."] },
        { heading: "Résultat", paragraphs: ["Pas d'anomalie de signal du parenchyme cérébral. Pas d'effet de masse. Système ventriculaire de taille normale. Pas de lésion ischémique récente en diffusion. Quelques hypersignaux punctiformes de la substance blanche frontale, aspécifiques, fréquents chez les patients migraineux."] },
        { heading: "Conclusion", paragraphs: ["IRM cérébrale normale pour l'âge."] },
      ],
    },
    {
      key: "gp-migraine-2021",
      kind: "consultation",
      title: "Consultation - migraine, traitement de fond",
      date: on("2021-05-10", 11),
      author: "girard",
      sections: [
        { heading: "Bilan", paragraphs: ["IRM cérébrale normale. Six crises par mois malgré le triptan, retentissement professionnel. Agenda des crises apporté."] },
        { heading: "Décision", paragraphs: ["Introduction d'un traitement de fond par propranolol 40 mg le soir, augmentation progressive. Règles hygiéno-diététiques : sommeil régulier, éviter le jeûne. Contraception œstroprogestative déconseillée en raison de l'aura, contraception par stérilet proposée."] },
      ],
    },
    {
      key: "echo-pelvis-2022",
      kind: "imaging",
      title: "Échographie pelvienne",
      date: on("2022-09-05", 10),
      author: "lefevre",
      sections: [
        { heading: "Indication", paragraphs: ["Contrôle de la position d'un dispositif intra-utérin au cuivre posé six semaines plus tôt."] },
        { heading: "Résultat", paragraphs: ["Utérus antéversé de taille normale. Dispositif intra-utérin en position fundique normale. Ovaires d'aspect normal. Pas d'épanchement du cul-de-sac de Douglas."] },
        { heading: "Conclusion", paragraphs: ["Dispositif intra-utérin normalement positionné."] },
      ],
    },
    {
      key: "er-ankle-2023",
      kind: "discharge",
      title: "Passage aux urgences - entorse de la cheville gauche",
      date: on("2023-07-08", 20),
      author: "moreau",
      sections: [
        { heading: "Motif", paragraphs: ["Traumatisme en inversion de la cheville gauche lors d'un match de handball."] },
        { heading: "Examen et imagerie", paragraphs: ["Œdème et ecchymose latéro-malléolaires, douleur à la palpation du ligament talo-fibulaire antérieur. Critères d'Ottawa positifs : radiographies de cheville réalisées, sans fracture."] },
        { heading: "Conclusion et consignes", list: ["Entorse du ligament collatéral latéral de gravité moyenne", "Orthèse de cheville pendant 4 semaines, appui autorisé selon la douleur", "Glace, surélévation, paracétamol et ibuprofène pendant 5 jours", "Rééducation proprioceptive : 10 séances de kinésithérapie"] },
      ],
    },
    {
      key: "xray-ankle-2023",
      kind: "imaging",
      title: "Radiographies de la cheville gauche",
      date: on("2023-07-08", 19),
      author: "lefevre",
      custodian: "hospital",
      sections: [
        { heading: "Résultat", paragraphs: ["Clichés de face, de profil et de trois quarts. Pas de fracture ni d'arrachement osseux. Congruence articulaire talo-crurale conservée. Tuméfaction des parties molles en regard de la malléole latérale."] },
        { heading: "Conclusion", paragraphs: ["Absence de lésion osseuse traumatique."] },
      ],
    },
    {
      key: "lab-2024",
      kind: "lab",
      title: "Bilan sanguin annuel",
      date: on("2024-03-18", 7),
      author: "dubois",
      sections: labReport({
        sample: "sang veineux, à jeun",
        prescriber: "Dr Lucas Girard",
        panels: [{ heading: "Résultats", values: { hb: 12.6, mcv: 84, ferritin: 24, tsh: 1.6, glucose: 0.84, chol: 1.78, vitd: 26 } }],
        comment: "Réserves en fer à la limite basse de la normale. Insuffisance en vitamine D.",
      }),
    },
    {
      key: "migraine-diary-2025",
      kind: "personal",
      title: "Mon agenda des migraines",
      date: on("2025-06-02", 20),
      author: "patient",
      custodian: "guillotiere",
      sections: [
        { heading: "Crises des trois derniers mois", table: {
          columns: [{ label: "Mois", width: 2 }, { label: "Nombre de crises", width: 1.6, align: "right" }, { label: "Triptans pris", width: 1.6, align: "right" }, { label: "Déclencheurs notés", width: 3.5 }],
          rows: [["Mars", "3", "2", "Manque de sommeil"], ["Avril", "2", "2", "Règles"], ["Mai", "4", "3", "Stress au travail, jeûne"]],
        } },
        { heading: "Questions pour le Dr Girard", list: ["Faut-il augmenter le propranolol ?", "Peut-on faire du sport en salle pendant une crise légère ?"] },
      ],
    },
    {
      key: "gp-recent",
      kind: "consultation",
      title: "Consultation - suivi de la migraine",
      date: daysAgo(clock, 30),
      author: "girard",
      sections: [
        { heading: "Bilan", paragraphs: ["Deux à trois crises par mois sous propranolol 80 mg, bien tolérées. Pas d'abus médicamenteux (moins de huit jours de triptan par mois)."] },
        { heading: "Conduite à tenir", paragraphs: ["Poursuite du traitement de fond et du triptan à la demande. Supplémentation en vitamine D. Revoir dans six mois."] },
      ],
    },
  ];
}

export function leoDocuments(): DocumentPlan[] {
  return [
    {
      key: "health-exam-6y",
      kind: "consultation",
      title: "Examen de santé de l'enfant - 6 ans",
      date: on("2022-09-19", 17),
      author: "garnier",
      sections: [
        { heading: "Croissance", paragraphs: ["Poids 21 kg, taille 117 cm, IMC 15,3 : croissance harmonieuse sur les courbes. Acuité visuelle 10/10 aux deux yeux, audition normale au test vocal."] },
        { heading: "Développement", paragraphs: ["Entrée au CP sans difficulté. Langage et motricité adaptés à l'âge. Bon sommeil."] },
        { heading: "Vaccinations", paragraphs: ["Rappel diphtérie-tétanos-coqueluche-poliomyélite des 6 ans réalisé ce jour. Calendrier vaccinal à jour."] },
      ],
    },
    {
      key: "otitis-2024",
      kind: "consultation",
      title: "Consultation pédiatrique - otite moyenne aiguë",
      date: on("2024-02-05", 18),
      author: "garnier",
      sections: [
        { heading: "Motif", paragraphs: ["Fièvre à 38,9 °C et otalgie droite depuis la veille, dans un contexte de rhinopharyngite."] },
        { heading: "Examen", paragraphs: ["Tympan droit bombé et congestif, tympan gauche normal. Pas de raideur de nuque. Bon état général."] },
        { heading: "Conduite à tenir", paragraphs: ["Otite moyenne aiguë purulente droite. Amoxicilline 80 mg/kg/jour pendant 5 jours (pas d'allergie connue chez l'enfant). Paracétamol si fièvre ou douleur. Revoir en l'absence d'amélioration sous 72 heures."] },
      ],
    },
    {
      key: "audiogram-2024",
      kind: "imaging",
      title: "Tympanométrie et audiogramme de contrôle",
      date: on("2024-03-11", 10),
      author: "garnier",
      sections: [
        { heading: "Résultat", paragraphs: ["Tympanogrammes de type A des deux côtés. Audiogramme tonal : seuils inférieurs à 20 dB sur toutes les fréquences, des deux côtés."] },
        { heading: "Conclusion", paragraphs: ["Audition normale, guérison complète de l'otite sans épanchement résiduel."] },
      ],
    },
    {
      key: "school-certificate-2025",
      kind: "personal",
      title: "Certificat d'aptitude au sport - club de judo",
      date: on("2025-09-08", 17),
      author: "patient",
      uploader: "camille",
      custodian: "hospital",
      sections: [
        { heading: "Certificat", paragraphs: ["Certificat remis par le pédiatre et scanné par sa mère pour l'inscription au club de judo. L'examen clinique ne montre pas de contre-indication à la pratique du judo en compétition pour la saison 2025-2026."] },
      ],
    },
  ];
}
