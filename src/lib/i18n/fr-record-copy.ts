/**
 * The words of « Télécharger une copie de mon dossier » (/espace/copie) and of the LISEZMOI.txt
 * in the archive: the right of access and portability (RGPD articles 15 and 20) in plain French.
 */
export const frRecordCopy = {
  recordCopy: {
    title: { yours: "Télécharger une copie de mon dossier", theirs: "Télécharger une copie du dossier de {person}" },
    pageTitle: { yours: "Télécharger une copie de mon dossier", theirs: "Télécharger une copie du dossier" },
    link: { yours: "Télécharger une copie de mon dossier", theirs: "Télécharger une copie de son dossier" },
    intro: {
      yours:
        "Vous avez le droit d'obtenir une copie de vos données de santé (RGPD, articles 15 et 20). Le portail la prépare en un seul fichier compressé (ZIP), que vous pouvez garder ou remettre à un autre professionnel ou service.",
      theirs:
        "Vous pouvez obtenir une copie du dossier de {person}, en un seul fichier compressé (ZIP). Elle ne contient que ce que vos droits vous permettent de voir dans son dossier.",
    },
    accountTitle: "Copie du dossier",
    contentsTitle: "Ce que contient le fichier",
    contents: {
      documents: { yours: "chacun de vos documents et son fichier (PDF ou image), nommé par sa date et son titre ;", theirs: "chacun de ses documents que vous pouvez voir et son fichier (PDF ou image), nommé par sa date et son titre ;" },
      vaccinations: { yours: "vos vaccinations ;", theirs: "ses vaccinations, si vos droits vous permettent de voir son dossier médical ;" },
      prescriptions: { yours: "vos ordonnances et ce que la pharmacie vous a délivré ;", theirs: "ses ordonnances et ce que la pharmacie a délivré, si vos droits vous permettent de les voir ;" },
      record: {
        yours: "les autres éléments de votre dossier : problèmes de santé, allergies, mesures, dépistages, bilan prévention, messages ;",
        theirs: "les autres éléments de son dossier que vous pouvez voir : problèmes de santé, allergies, mesures, dépistages, bilan prévention, messages ;",
      },
      sharing: {
        yours: "vos choix de partage : professionnels autorisés ou bloqués, documents masqués, accès en urgence, personnes qui agissent pour vous ;",
        theirs: "ses choix de partage et les personnes qui agissent pour {person}, si vos droits vous permettent de gérer ses réglages de partage ;",
      },
      readme: "un court fichier « LISEZMOI.txt » qui explique le reste.",
    },
    format:
      "Les informations sont réunies dans le fichier « dossier.json », au format FHIR R4, la norme d'échange que les logiciels de santé savent lire. Il n'est pas fait pour être lu à l'écran ; les documents, eux, s'ouvrent comme d'habitude.",
    care: "Ce fichier contient des informations médicales : enregistrez-le sur un appareil à vous, et ne le transmettez qu'à des personnes de confiance.",
    trail: { yours: "Ce téléchargement est inscrit dans votre historique des accès.", theirs: "Ce téléchargement est inscrit dans son historique des accès, avec votre nom." },
    duration: "Pour un dossier de plusieurs milliers de documents, le téléchargement peut prendre quelques minutes.",
    submit: "Télécharger la copie (ZIP)",
    tooMany: "Vous avez déjà demandé plusieurs copies de ce dossier dans l'heure. Par sécurité, attendez un peu avant d'en demander une autre : chaque copie est inscrite dans l'historique des accès.",
    leftOut:
      "Ce fichier compressé aurait dépassé 4 Go, la taille que tous les ordinateurs savent ouvrir : les fichiers des documents ci-dessous n'y sont pas. Ils figurent bien dans dossier.json ; téléchargez chacun depuis sa page, dans « Mes documents ».",
    readme: {
      title: "Copie du dossier de santé de {person}",
      made: "Copie préparée le {date} par l'Espace santé, à la demande de {agent}.",
      contents: "Ce fichier compressé contient :",
      bundle:
        "- dossier.json : ce que la personne qui a demandé la copie pouvait voir du dossier ce jour-là (identité, documents, vaccinations, ordonnances et délivrances, problèmes de santé, allergies, mesures, dépistages, bilan prévention, messages, choix de partage), au format FHIR R4 (un « Bundle » de type « collection »), que les logiciels de santé savent lire ;",
      documents: "- documents/ : le fichier de chaque document (PDF ou image), nommé par sa date et son titre.",
      care: "Ces informations sont personnelles et médicales : gardez ce fichier en lieu sûr et ne le transmettez qu'à des personnes de confiance.",
      right: "Le droit d'obtenir une copie de ses données vient du RGPD (règlement général sur la protection des données, articles 15 et 20).",
    },
  },
};
