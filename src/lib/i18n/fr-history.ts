import { plural } from "./plural";
/** The access history page (the patient's audit trail), in French. */
export const frHistory = {
  history: {
    title: "Historique des accès",
    intro: {
      yours: "Chaque consultation, recherche ou modification de votre dossier est enregistrée ici, avec qui l'a faite et quand.",
      theirs: "Chaque consultation, recherche ou modification du dossier de {person} est enregistrée ici, avec qui l'a faite et quand.",
    },
    empty: "Aucun accès enregistré pour le moment.",
    tableCaption: {
      yours:
        "Accès à votre dossier : d'abord ceux d'autres que vous (personnes ou service Espace santé), puis les tentatives refusées, puis vos propres actions, chaque groupe du plus récent au plus ancien",
      // The groups are the patient's (history-entry.ts): what the caregiver did herself is among the others'.
      theirs:
        "Accès au dossier de {person} : d'abord ceux d'autres personnes (dont les vôtres) ou du service Espace santé, puis les tentatives refusées, puis les actions de {person}, chaque groupe du plus récent au plus ancien",
    },
    colWhen: "Date",
    colWho: "Qui",
    colAction: "Action",
    colOutcome: "Résultat",
    count: plural({ one: "{count} accès enregistré", other: "{count} accès enregistrés" }),
    periodTitle: "Choisir une période",
    periodFrom: "Du",
    periodTo: "Au (inclus)",
    periodApply: "Afficher cette période",
    periodAll: "Tout l'historique",
    periodDay: "Cette date n'existe pas. Saisissez-la au format JJ/MM/AAAA : tout l'historique est affiché.",
    periodOrder: "La date de début est après la date de fin : tout l'historique est affiché.",
    periodShown: {
      both: "Du {from} au {to} inclus.",
      from: "Depuis le {from}.",
      to: "Jusqu'au {to} inclus.",
    },
    periodEmpty: "Aucun accès enregistré sur cette période.",
    // From a document's page (« Tout l'historique de ce document »): its entries alone.
    documentShown: "Seuls les accès à ce document sont affichés : consultations, téléchargements, modifications et tentatives refusées.",
    documentBack: "Revenir au document",
    documentAll: "Voir les accès à tout le dossier",
    documentEmpty: "Aucun accès à ce document n'est enregistré.",
    summaryLabel: "Aller au début de chaque groupe",
    // Not « d'autres personnes »: the group holds the service's own acts too (the seeding, an invitation's expiry).
    summaryOthers: {
      yours: plural({ one: "{count} par d'autres que vous", other: "{count} par d'autres que vous" }),
      theirs: plural({ one: "{count} par d'autres que {person}", other: "{count} par d'autres que {person}" }),
    },
    summaryRefused: plural({ one: "{count} tentative refusée", other: "{count} tentatives refusées" }),
    summaryOwn: {
      yours: plural({ one: "{count} par vous-même", other: "{count} par vous-même" }),
      theirs: plural({ one: "{count} par {person}", other: "{count} par {person}" }),
    },
    groups: {
      others: { yours: "Accès par d'autres que vous", theirs: "Accès par d'autres que {person}" },
      refused: "Tentatives refusées",
      own: { yours: "Vos propres consultations et actions", theirs: "Consultations et actions de {person}" },
    },
    first: "Première page",
    last: "Dernière page",
    goTo: "Aller à la page",
    go: "Afficher",
    // Who, for what the service did by itself (a seeding, an invitation page naming the person, a
    // nightly job): « Système » read as a stranger in one's record (found walking the page).
    serviceAgent: "Espace santé (opération automatique)",
    onBehalf: "pour le compte du patient",
    onBehalfOf: "pour {name}",
    onBehalfOfYou: "pour vous",
    emergencyBadge: "Accès en urgence",
    emergencyReason: "Motif indiqué : « {reason} »",
    pagination: "Pages de l'historique",
    previous: "Plus récents",
    next: "Plus anciens",
    pageOf: "Page {page} sur {pages}",
    outcomes: { success: "Autorisé", denied: "Refusé", failure: "Échec" },
    actions: {
      read: "Consultation",
      vread: "Consultation d'une version",
      search: "Recherche",
      history: "Consultation des versions",
      create: "Ajout",
      update: "Modification",
      delete: "Suppression",
      download: "Téléchargement",
      share: "Partage",
      "revoke-share": "Fin d'un partage",
      "link-open": "Ouverture d'un lien de partage",
      "link-passcode-failed": "Code de lien de partage erroné",
      dispense: "Délivrance en pharmacie",
      "emergency-access": "Ouverture du dossier en urgence",
      "emergency-end": "Fin de l'accès en urgence, fermé par le professionnel",
      "sign-in": "Connexion",
      export: "Export",
      other: "Autre action",
    },
    resources: {
      DocumentReference: "un document",
      Binary: "un fichier",
      MedicationRequest: "une ordonnance",
      MedicationDispense: "une délivrance",
      Consent: { yours: "vos choix de partage", theirs: "les choix de partage" },
      RelatedPerson: "une délégation",
      AuditEvent: "l'historique des accès",
      Patient: { yours: "votre dossier", theirs: "le dossier" },
      Immunization: "une vaccination",
      Condition: "un problème de santé",
      Procedure: "un acte médical",
      AllergyIntolerance: "une allergie",
      Observation: "un résultat",
      Communication: "un message",
      // The directory read to name a document's author and establishment (documents list and page):
      // a bare « Recherche » beside a caregiver's name left the person wondering what was searched.
      Practitioner: "un professionnel",
      PractitionerRole: "un professionnel",
      Organization: "un établissement",
      // « Mon bilan prévention »'s answers, read by its page.
      QuestionnaireResponse: "un questionnaire de prévention",
      ShareLink: "un lien de partage",
      // A guardian's or caregiver's look at the notices of the space (notification-owners.ts, notice-space-reached.ts).
      Notification: { yours: "vos notifications", theirs: "les notifications" },
      other: { yours: "votre dossier", theirs: "le dossier" },
    },
    /**
     * What a search looked through, in the plural (« Recherche dans les documents »): a search is
     * of a kind of resource, however many it found, and « Recherche : un document » read as if a
     * professional who listed 22 of them had looked for one (found by the second walk).
     */
    searchIn: "Recherche dans",
    searched: {
      DocumentReference: "les documents",
      Binary: "les fichiers",
      MedicationRequest: "les ordonnances",
      MedicationDispense: "les délivrances",
      Consent: { yours: "vos choix de partage", theirs: "les choix de partage" },
      RelatedPerson: "les délégations",
      AuditEvent: "l'historique des accès",
      Patient: { yours: "votre dossier", theirs: "le dossier" },
      Immunization: "les vaccinations",
      Condition: "les problèmes de santé",
      Procedure: "les actes médicaux",
      AllergyIntolerance: "les allergies",
      Observation: "les résultats",
      Communication: "les messages",
      Practitioner: "les professionnels",
      PractitionerRole: "les professionnels",
      Organization: "les établissements",
      QuestionnaireResponse: "les questionnaires de prévention",
      ShareLink: "les liens de partage",
      Notification: { yours: "vos notifications", theirs: "les notifications" },
      other: { yours: "votre dossier", theirs: "le dossier" },
    },
  },
};
