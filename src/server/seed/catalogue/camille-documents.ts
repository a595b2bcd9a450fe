import { DOCUMENT_IDS } from "@/lib/demo/personas";
import { labReport, qualitativeTable } from "./lab-panels";
import { daysAgo, on, type DocumentPlan, type SeedClock } from "./plan";

/**
 * Camille Martin, 41: allergic asthma followed by her GP (Dr Bernard) and a pulmonologist
 * (Dr Roux), penicillin allergy, one emergency visit for an exacerbation in 2022. One
 * consultation is hidden from professionals; her serologies are at restricted confidentiality.
 */
export function camilleDocuments(clock: SeedClock): DocumentPlan[] {
  return [
    {
      key: "gp-asthma-2019",
      kind: "consultation",
      title: "Consultation de suivi - asthme",
      date: on("2019-02-11"),
      author: "bernard",
      sections: [
        { heading: "Motif", paragraphs: ["Suivi d'un asthme allergique connu depuis l'adolescence. Gêne respiratoire nocturne deux à trois fois par semaine depuis l'automne, recours au salbutamol presque quotidien."] },
        { heading: "Examen clinique", paragraphs: ["Sibilants expiratoires diffus aux deux champs pulmonaires. Saturation 97 % en air ambiant. Fréquence respiratoire 16/min. Débit expiratoire de pointe 340 L/min (théorique 450 L/min). Rhinite allergique associée, muqueuse pâle."] },
        { heading: "Conclusion et conduite à tenir", paragraphs: ["Asthme partiellement contrôlé (score ACT 16). Introduction d'un traitement de fond par association budésonide/formotérol. Éducation à la technique d'inhalation réalisée au cabinet. Bilan sanguin (hémogramme, IgE totales), radiographie thoracique et avis pneumologique demandés. Rappel : allergie documentée aux pénicillines, à ne pas prescrire."] },
      ],
    },
    {
      key: "lab-ige-2019",
      kind: "lab",
      title: "Hémogramme et IgE totales",
      date: on("2019-02-18", 7),
      author: "dubois",
      sections: labReport({
        sample: "sang veineux, à jeun",
        prescriber: "Dr Sophie Bernard",
        panels: [
          { heading: "Hémogramme", values: { rbc: 4.52, hb: 13.4, hct: 40.2, mcv: 89, wbc: 7.1, neutro: 3.9, eosino: 0.68, lympho: 2.2, platelets: 262 } },
          { heading: "Immunologie", values: { ige: 412 } },
        ],
        comment: "Hyperéosinophilie modérée et IgE totales élevées, compatibles avec un terrain atopique. Un bilan allergologique (tests cutanés aux pneumallergènes) peut être proposé.",
      }),
    },
    {
      key: "xray-thorax-2019",
      kind: "imaging",
      title: "Radiographie thoracique de face et de profil",
      date: on("2019-04-03", 14),
      author: "lefevre",
      sections: [
        { heading: "Indication", paragraphs: ["Asthme partiellement contrôlé, recherche d'une anomalie parenchymateuse."] },
        { heading: "Technique", paragraphs: ["Clichés de face et de profil en inspiration, patiente debout."] },
        { heading: "Résultat", paragraphs: ["Discrète distension thoracique. Épaississement des parois bronchiques en région péri-hilaire. Pas de foyer de condensation alvéolaire. Pas d'épanchement pleural. Silhouette cardiaque de taille normale. Coupoles diaphragmatiques régulières."] },
        { heading: "Conclusion", paragraphs: ["Aspect compatible avec une bronchopathie asthmatique. Absence d'anomalie parenchymateuse ou pleurale."] },
      ],
    },
    {
      key: "pneumo-efr-2019",
      kind: "consultation",
      title: "Consultation de pneumologie - explorations fonctionnelles respiratoires",
      date: on("2019-05-14", 10),
      author: "roux",
      sections: [
        { heading: "Histoire", paragraphs: ["Patiente de 34 ans adressée par le Dr Bernard pour un asthme allergique insuffisamment contrôlé malgré un traitement de fond instauré en février. Pas de tabagisme. Chat au domicile."] },
        {
          heading: "Spirométrie",
          table: {
            columns: [{ label: "Paramètre", width: 3 }, { label: "Mesuré", width: 1.2, align: "right" }, { label: "Théorique", width: 1.2, align: "right" }, { label: "% théorique", width: 1.2, align: "right" }, { label: "Après bronchodilatateur", width: 2, align: "right" }],
            rows: [
              ["VEMS (L)", "2,41", "3,12", "77 %", "2,83 (+17 %)"],
              ["CVF (L)", "3,58", "3,71", "96 %", "3,66"],
              ["VEMS/CVF", "0,67", "0,82", "-", "0,77"],
              ["DEP (L/s)", "5,9", "7,1", "83 %", "6,8"],
            ],
          },
        },
        { heading: "Conclusion", paragraphs: ["Trouble ventilatoire obstructif modéré, significativement réversible après bronchodilatateur, confirmant l'asthme. Sensibilisation probable aux phanères de chat et aux acariens. Majoration du traitement de fond, plan d'action écrit remis à la patiente. Éviction du chat de la chambre conseillée. Revoir dans six mois avec nouvelle spirométrie."] },
      ],
    },
    {
      key: "cardio-palpitations-2021",
      kind: "consultation",
      title: "Consultation de cardiologie - palpitations",
      date: on("2021-03-22", 15),
      author: "petit",
      sections: [
        { heading: "Motif", paragraphs: ["Palpitations brèves au repos depuis deux mois, sans malaise ni douleur thoracique. Consommation de café importante."] },
        { heading: "Examen", paragraphs: ["Pression artérielle 118/72 mmHg. Fréquence cardiaque 78/min régulière. Auscultation cardiaque normale, pas de souffle. Électrocardiogramme : rythme sinusal, PR 150 ms, QRS fins, pas de trouble de la repolarisation, QTc 410 ms."] },
        { heading: "Conclusion", paragraphs: ["Extrasystoles bénignes probables, favorisées par le café et les bêta-2 mimétiques. Holter ECG de 24 heures proposé. Réduction de la caféine conseillée. Pas de contre-indication au sport."] },
      ],
    },
    {
      key: "er-asthma-2022",
      kind: "discharge",
      title: "Passage aux urgences - exacerbation d'asthme",
      date: on("2022-01-17", 21),
      author: "moreau",
      sections: [
        { heading: "Motif d'admission", paragraphs: ["Dyspnée sifflante d'aggravation progressive depuis 48 heures dans un contexte de rhinopharyngite, réponse insuffisante à six bouffées de salbutamol."] },
        { heading: "Examen à l'arrivée", paragraphs: ["Patiente consciente, parole possible par phrases courtes. Saturation 93 % en air ambiant, fréquence respiratoire 24/min, fréquence cardiaque 112/min. Sibilants diffus bilatéraux. DEP 190 L/min (42 % de la meilleure valeur)."] },
        { heading: "Prise en charge", paragraphs: ["Nébulisations de salbutamol et d'ipratropium à trois reprises, corticothérapie orale par prednisolone 40 mg. Amélioration franche en trois heures : DEP 330 L/min, saturation 97 %. Allergie aux pénicillines : pas d'antibiothérapie, absence d'argument pour une surinfection bactérienne (CRP 8 mg/L)."] },
        { heading: "Traitement de sortie et suivi", list: ["Prednisolone 40 mg par jour pendant 5 jours", "Poursuite du traitement de fond budésonide/formotérol, 2 inhalations matin et soir pendant 1 mois", "Salbutamol à la demande", "Consultation avec le médecin traitant sous 7 jours et avec la pneumologue sous 1 mois"] },
      ],
    },
    {
      key: "pneumo-followup-2022",
      kind: "consultation",
      title: "Consultation de pneumologie - suivi après exacerbation",
      date: on("2022-02-07", 10),
      author: "roux",
      sections: [
        { heading: "Évolution", paragraphs: ["Revue trois semaines après un passage aux urgences pour exacerbation d'asthme d'origine virale. Récupération complète, plus de symptômes nocturnes. Observance du traitement de fond jugée bonne, technique d'inhalation correcte."] },
        { heading: "Spirométrie", paragraphs: ["VEMS 2,76 L (88 % de la théorique), rapport VEMS/CVF 0,76. Nette amélioration par rapport à 2019."] },
        { heading: "Conclusion", paragraphs: ["Asthme contrôlé sous traitement de fond. Vaccination antigrippale annuelle et vaccination contre la COVID-19 recommandées. Plan d'action réactualisé. Prochain contrôle dans un an."] },
      ],
    },
    {
      key: "ct-sinus-2022",
      kind: "imaging",
      title: "Scanner des sinus de la face",
      date: on("2022-06-13", 11),
      author: "lefevre",
      sections: [
        { heading: "Indication", paragraphs: ["Obstruction nasale chronique et rhinorrhée postérieure chez une patiente asthmatique. Recherche de rhinosinusite chronique ou de polypose."] },
        { heading: "Résultat", paragraphs: ["Épaississement muqueux modéré des deux sinus maxillaires, sans niveau hydro-aérique. Sinus frontaux et sphénoïdaux normalement pneumatisés. Complexes ostio-méatiaux perméables. Pas d'image polypoïde des fosses nasales. Cloison nasale discrètement déviée vers la gauche."] },
        { heading: "Conclusion", paragraphs: ["Sinusopathie maxillaire bilatérale modérée, sans polypose naso-sinusienne."] },
      ],
    },
    {
      key: "serologies-2023",
      id: DOCUMENT_IDS.camilleRestricted,
      kind: "lab",
      title: "Sérologies VIH, hépatites B et C, syphilis",
      date: on("2023-03-06", 7),
      author: "dubois",
      confidentiality: "R",
      sections: [
        { heading: "Renseignements", paragraphs: ["Dépistage à la demande de la patiente. Prélèvement sanguin. Résultats strictement confidentiels, remis à la patiente et à son médecin."] },
        { heading: "Résultats", table: qualitativeTable([
          ["VIH 1 et 2 (Ac anti-VIH et Ag p24)", "Négatif", "Chimiluminescence (4e génération)"],
          ["Antigène HBs", "Négatif", "Chimiluminescence"],
          ["Anticorps anti-HBs", "124 mUI/mL (immunisée)", "Chimiluminescence"],
          ["Anticorps anti-VHC", "Négatif", "Chimiluminescence"],
          ["Syphilis (anticorps tréponémiques)", "Négatif", "Immunoenzymatique"],
        ]) },
        { heading: "Commentaire du biologiste", paragraphs: ["Absence d'infection par le VIH, le VHB ou le VHC à la date du prélèvement. Immunité vaccinale contre l'hépatite B. En cas d'exposition à risque dans les six dernières semaines, un contrôle est conseillé."] },
      ],
    },
    {
      key: "psychiatry-2023",
      id: DOCUMENT_IDS.camilleHidden,
      kind: "consultation",
      title: "Consultation de psychiatrie - trouble anxieux",
      date: on("2023-05-10", 16),
      author: "faure",
      sections: [
        { heading: "Motif", paragraphs: ["Première consultation pour une anxiété envahissante depuis un an, dans un contexte d'épuisement professionnel et d'aide apportée à son père malade. Troubles de l'endormissement, ruminations, crises d'angoisse deux fois par mois."] },
        { heading: "Entretien", paragraphs: ["Patiente cohérente, discours fluide, humeur légèrement abaissée sans idée suicidaire. Pas d'antécédent psychiatrique personnel. Pas de consommation d'alcool ni de toxiques. Score GAD-7 à 14."] },
        { heading: "Conclusion et projet", paragraphs: ["Trouble anxieux généralisé d'intensité modérée. Psychothérapie cognitivo-comportementale proposée, coordonnées remises. Pas de traitement médicamenteux à ce stade. Arrêt de travail non souhaité par la patiente. Nouvelle consultation dans six semaines."] },
      ],
    },
    {
      key: "lab-annual-2024",
      kind: "lab",
      title: "Hémogramme, ferritine et vitamine D",
      date: on("2024-01-22", 7),
      author: "dubois",
      sections: labReport({
        sample: "sang veineux, à jeun",
        prescriber: "Dr Sophie Bernard",
        panels: [
          { heading: "Hémogramme", values: { rbc: 4.41, hb: 12.9, hct: 39.1, mcv: 88, wbc: 6.4, neutro: 3.6, eosino: 0.41, lympho: 1.9, platelets: 241 } },
          { heading: "Bilan martial et vitaminique", values: { ferritin: 38, vitd: 21 } },
        ],
        comment: "Hémogramme normal. Insuffisance en vitamine D : une supplémentation peut être discutée avec le médecin traitant.",
      }),
    },
    {
      key: "echo-abdo-2024",
      kind: "imaging",
      title: "Échographie abdominale",
      date: on("2024-04-15", 12),
      author: "lefevre",
      sections: [
        { heading: "Indication", paragraphs: ["Douleurs de l'hypochondre droit post-prandiales depuis trois semaines."] },
        { heading: "Résultat", paragraphs: ["Foie de taille et d'échostructure normales, sans lésion focale. Vésicule biliaire à paroi fine, contenant deux petites lithiases mobiles de 6 et 8 mm, sans signe de cholécystite. Voie biliaire principale non dilatée (4 mm). Pancréas, rate et reins sans particularité."] },
        { heading: "Conclusion", paragraphs: ["Lithiase vésiculaire non compliquée. Avis chirurgical à discuter en cas de récidive des douleurs."] },
      ],
    },
    {
      key: "gp-annual-2024",
      kind: "consultation",
      title: "Consultation - bilan annuel de l'asthme",
      date: on("2024-09-30", 17),
      author: "bernard",
      sections: [
        { heading: "Bilan", paragraphs: ["Pas d'exacerbation depuis 2022. Symptômes diurnes moins d'une fois par semaine, pas de réveil nocturne. Score ACT 22 : asthme contrôlé. Débit expiratoire de pointe 430 L/min."] },
        { heading: "Prévention", paragraphs: ["Vaccination antigrippale de la saison à réaliser en octobre. Rappel diphtérie-tétanos-poliomyélite à 45 ans, en 2030. Lithiase vésiculaire asymptomatique depuis le printemps, surveillance simple."] },
        { heading: "Traitement", paragraphs: ["Poursuite du traitement de fond à la dose minimale efficace : budésonide/formotérol 200/6, une inhalation matin et soir. Salbutamol si besoin. Renouvellement pour trois mois."] },
      ],
    },
    {
      key: "pneumo-efr-2025",
      kind: "consultation",
      title: "Consultation de pneumologie - spirométrie de contrôle",
      date: on("2025-03-10", 10),
      author: "roux",
      sections: [
        {
          heading: "Spirométrie",
          table: {
            columns: [{ label: "Paramètre", width: 3 }, { label: "Mesuré", width: 1.2, align: "right" }, { label: "Théorique", width: 1.2, align: "right" }, { label: "% théorique", width: 1.2, align: "right" }],
            rows: [["VEMS (L)", "2,88", "3,05", "94 %"], ["CVF (L)", "3,69", "3,66", "101 %"], ["VEMS/CVF", "0,78", "0,82", "-"]],
          },
        },
        { heading: "Conclusion", paragraphs: ["Fonction respiratoire normalisée sous traitement. Asthme bien contrôlé. Pas de modification thérapeutique. Reprise de la course à pied encouragée, avec deux bouffées de salbutamol avant l'effort si nécessaire."] },
      ],
    },
    {
      key: "lab-lipids-2025",
      kind: "lab",
      title: "Bilan lipidique, glycémie et TSH",
      date: on("2025-06-16", 7),
      author: "dubois",
      sections: labReport({
        sample: "sang veineux, à jeun depuis 12 heures",
        prescriber: "Dr Sophie Bernard",
        panels: [{ heading: "Biochimie", values: { glucose: 0.88, chol: 1.94, hdl: 0.62, ldl: 1.12, tg: 0.98, tsh: 1.85, creat: 7.4, alt: 19 } }],
        comment: "Bilan sans anomalie.",
      }),
    },
    {
      key: "peak-flow-diary-2025",
      kind: "personal",
      title: "Mon carnet de débit expiratoire de pointe",
      date: on("2025-10-06", 19),
      author: "patient",
      custodian: "bernardPractice",
      sections: [
        { heading: "Pourquoi ce carnet", paragraphs: ["Relevés notés pendant le changement de saison, à montrer à la pneumologue. Meilleure valeur personnelle : 450 L/min. Zone verte au-dessus de 360 L/min."] },
        {
          heading: "Relevés du matin",
          table: {
            columns: [{ label: "Semaine", width: 2 }, { label: "DEP moyen (L/min)", width: 2, align: "right" }, { label: "Salbutamol (bouffées)", width: 2, align: "right" }, { label: "Remarques", width: 3 }],
            rows: [["15 septembre", "440", "0", "-"], ["22 septembre", "425", "2", "Pollen, jardinage"], ["29 septembre", "395", "4", "Rhume"], ["6 octobre", "435", "1", "-"]],
          },
        },
      ],
    },
    {
      key: "gp-renewal-recent",
      kind: "consultation",
      title: "Consultation - renouvellement du traitement de fond",
      date: daysAgo(clock, 12),
      author: "bernard",
      sections: [
        { heading: "Motif", paragraphs: ["Renouvellement du traitement de l'asthme avant l'hiver. Patiente en forme, quelques symptômes à l'effort par temps froid."] },
        { heading: "Examen", paragraphs: ["Auscultation pulmonaire libre. Saturation 98 %. DEP 420 L/min. Pression artérielle 116/74 mmHg."] },
        { heading: "Conduite à tenir", paragraphs: ["Renouvellement de l'association budésonide/formotérol et du salbutamol pour trois mois. Vaccination antigrippale faite en octobre. Bilan sanguin de contrôle prescrit (hémogramme, IgE)."] },
      ],
    },
    {
      key: "lab-recent",
      kind: "lab",
      title: "Hémogramme et IgE totales - contrôle",
      date: daysAgo(clock, 4),
      author: "dubois",
      sections: labReport({
        sample: "sang veineux",
        prescriber: "Dr Sophie Bernard",
        panels: [
          { heading: "Hémogramme", values: { rbc: 4.48, hb: 13.2, hct: 39.8, mcv: 89, wbc: 6.9, neutro: 3.8, eosino: 0.46, lympho: 2.1, platelets: 255 }, previous: { date: "22/01/2024", values: { rbc: 4.41, hb: 12.9, hct: 39.1, mcv: 88, wbc: 6.4, neutro: 3.6, eosino: 0.41, lympho: 1.9, platelets: 241 } } },
          { heading: "Immunologie", values: { ige: 286 } },
        ],
        comment: "IgE totales en baisse par rapport à 2019 mais toujours au-dessus de la normale, en rapport avec le terrain atopique connu.",
      }),
    },
  ];
}
