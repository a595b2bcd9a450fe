import { plural } from "./plural";
import { frDocuments } from "./fr-documents";
import { frPrescriptions } from "./fr-prescriptions";
import { frErrors } from "./fr-errors";
import { frHistory } from "./fr-history";
import { frSharing } from "./fr-sharing";
import { frSharingHistory } from "./fr-sharing-history";
import { frAccount } from "./fr-account";
import { frCloseSpace } from "./fr-close-space";
import { frNotifications } from "./fr-notifications";
import { frMessaging } from "./fr-messages";
import { frRelatives } from "./fr-relatives";
import { frInvitation } from "./fr-invitation";
import { frRelativesPage } from "./fr-relatives-page";
import { frPrevention } from "./fr-prevention";
import { frRecordCopy } from "./fr-record-copy";
import { frGrowth } from "./fr-growth";

/**
 * Every string the portal shows, in French. Other catalogues (en.ts) must have the same shape:
 * `Messages` is derived from this one, so a missing key is a type error. Placeholders are
 * written `{name}` and filled by `t()`.
 */
export const fr = {
  ...frDocuments,
  ...frPrescriptions,
  ...frHistory,
  ...frNotifications,
  ...frErrors,
  ...frSharing,
  ...frSharingHistory,
  ...frAccount,
  ...frCloseSpace,
  ...frMessaging,
  ...frRelatives,
  ...frInvitation,
  ...frRelativesPage,
  ...frPrevention,
  ...frRecordCopy,
  ...frGrowth,
  app: {
    name: "Mon espace santé",
    tagline: "Vos documents, vos ordonnances et vos choix de partage, au même endroit.",
    skipLink: "Aller au contenu principal",
    /** A page's <title> in another person's space, where the page's own title does not name her. */
    titleInSpace: "{title} — espace de {person}",
    mainNav: "Navigation principale",
    footer: "Mon espace santé — portail de démonstration. Les personnes et les données présentées sont fictives.",
    footerPrivacy: "Chaque consultation de vos données est enregistrée dans votre historique des accès.",
    footerPrivacyPro: "Chaque consultation d'un dossier est enregistrée : le patient la voit dans son historique des accès.",
    footerPrivacyLink: "Chaque consultation de cette ordonnance est enregistrée : le patient la voit dans son historique des accès.",
    footerPrivacyOtherSpace: "Chaque consultation de ce dossier est enregistrée dans son historique des accès, avec le nom de la personne qui l'a faite.",
  },
  header: {
    signedInAs: "Connecté·e : {name}",
    signOut: "Se déconnecter",
    signIn: "Se connecter",
  },
  welcome: {
    title: "Bienvenue sur Mon espace santé",
    intro:
      "Consultez vos documents de santé, partagez une ordonnance avec votre pharmacie, choisissez les professionnels qui peuvent vous suivre et voyez qui a consulté votre dossier.",
    forProfessionals: "Professionnel de santé ? Connectez-vous avec le même formulaire pour retrouver les patients qui vous ont autorisé.",
    signInLink: "Se connecter",
  },
  signIn: {
    title: "Connexion",
    intro: "Connectez-vous avec votre adresse e-mail et votre mot de passe. Un code de vérification vous sera ensuite demandé.",
    email: "Adresse e-mail",
    emailHint: "Par exemple : prenom.nom@example.org",
    password: "Mot de passe",
    submit: "Continuer",
    pending: "Vérification…",
    // One message for a wrong password, an unknown address, a disabled account and throttling:
    // telling them apart would tell an attacker which accounts exist.
    failed:
      "Connexion impossible avec ces informations. Vérifiez votre adresse e-mail et votre mot de passe, ou réessayez dans quelques minutes.",
    invalidInput: "Saisissez une adresse e-mail valide et votre mot de passe.",
    oidcTitle: "Autre moyen de connexion",
    oidcButton: "Se connecter avec {provider}",
    oidcIntro: "Vous allez être redirigé·e vers {provider} pour vous identifier.",
    oidcContinue: "Continuer vers {provider}",
  },
  secondFactor: {
    title: "Code de vérification",
    intro: "Saisissez le code à 6 chiffres affiché par votre application d'authentification.",
    code: "Code à 6 chiffres",
    codeHint: "Le code change toutes les 30 secondes.",
    submit: "Se connecter",
    failed: "Code incorrect ou déjà utilisé. Attendez le code suivant et réessayez.",
    expired: "Votre demande de connexion a expiré ou a reçu trop de codes erronés.",
    restart: "Recommencer la connexion",
  },
  signInError: {
    title: "La connexion n'a pas abouti",
    body: "Nous n'avons pas pu vous connecter. Recommencez depuis la page de connexion.",
    back: "Retour à la connexion",
  },
  patientHome: {
    title: "Mon espace",
    greeting: "Bonjour {name}",
    actingFor: "Vous agissez pour {name}.",
    sectionsTitle: "Les rubriques de l'espace",
    spacesTitle: "Espaces auxquels vous avez accès",
    ownSpace: "Mon espace personnel",
    // What the reader is to that person, in the words of « Proches et délégations » for a reader
    // whose sex is not read here: « Jean Martin (aidant) » read as Jean being the caregiver, and
    // named Camille in the masculine (found in the browser).
    guardianSpace: "{name} — vous exercez sa représentation légale",
    delegateSpace: "{name} — vous agissez pour cette personne",
    current: "Espace affiché",
    open: "Ouvrir cet espace",
    /**
     * Read after « Ouvrir cet espace » by screen readers only: the buttons of the list of spaces
     * were all « Ouvrir cet espace » in a list of buttons (found in the browser).
     */
    openWhose: " : {name}",
    /** The card a guardian has in a child's space (src/pages/espace/carnet-enfant.tsx). */
    growthTitle: "Carnet de santé : croissance",
    growthDescription: "Le poids, la taille et le périmètre crânien sur les courbes de croissance, et les certificats de santé.",
  },
  sections: {
    documents: { title: "Documents", description: "Comptes rendus, résultats d'analyses, imagerie, vaccinations." },
    prescriptions: {
      title: "Ordonnances",
      description: { yours: "Vos ordonnances et leur partage avec une pharmacie.", theirs: "Les ordonnances de {person} et leur partage avec une pharmacie." },
    },
    privacy: {
      title: "Partage et confidentialité",
      description: "Professionnels autorisés ou bloqués, documents masqués, accès en urgence.",
    },
    delegations: {
      title: "Proches et délégations",
      description: { yours: "Les personnes qui peuvent agir pour vous, et pour qui vous agissez.", theirs: "Les personnes qui peuvent agir pour {person}, et pour qui vous agissez." },
    },
    accessHistory: {
      title: "Historique des accès",
      description: { yours: "Qui a consulté ou modifié vos données, et quand.", theirs: "Qui a consulté ou modifié les données de {person}, et quand." },
    },
    prevention: { title: "Prévention", description: "Vaccinations et dépistages recommandés." },
    messages: {
      title: "Messagerie sécurisée",
      description: { yours: "Vos échanges avec les professionnels que vous autorisez.", theirs: "Les échanges avec les professionnels autorisés à voir le dossier de {person}." },
    },
  },
  /** A part of a space the caregiver's delegation leaves out (src/server/delegations/space-parts.ts), said where the page would be. */
  outOfReach: {
    documents: "Les documents de ce dossier ne sont pas accessibles avec les droits de votre délégation.",
    prescriptions: "Les ordonnances de ce dossier ne sont pas accessibles avec les droits de votre délégation.",
    privacy: "Le partage et la confidentialité de ce dossier ne sont pas accessibles avec les droits de votre délégation.",
    trail: "L'historique des accès de ce dossier n'est pas accessible avec les droits de votre délégation.",
    record: "Les vaccinations, maladies et dépistages de ce dossier ne sont pas accessibles avec les droits de votre délégation.",
    upload: "Ajouter un document à ce dossier n'est pas possible avec les droits de votre délégation.",
    // The way on, after each of the above: the page stopped there, a dead end (found walking Camille's journey in Jean's space).
    howToGet: "Si vous en avez besoin, la personne peut ajouter ce droit à votre délégation, depuis « Proches et délégations » dans son espace.",
  },
  /** A space the session still points at, that the person no longer reaches (src/server/delegations/lost-space.ts): nothing of whose it was. */
  lostSpace: {
    title: "Vous n'avez plus accès à cet espace",
    body: "Votre accès à l'espace santé de cette personne a pris fin : il a été retiré, ou il est arrivé à sa date de fin. Vous ne pouvez plus y consulter ses données ni agir en son nom.",
    /** Ended on the 18th birthday (children/majority.ts): the guardian's access, or a caregiver's chosen during the minority. */
    bodyCameOfAge:
      "Votre accès à l'espace santé de cette personne a pris fin : elle est devenue majeure. Un accès donné pendant sa minorité s'arrête à ses 18 ans ; c'est maintenant elle qui choisit qui peut agir pour elle. Vous ne pouvez plus y consulter ses données ni agir en son nom.",
    /** Ended with the judge's protection measure (its last day, or the mainlevée the assistance recorded): said to the representative. */
    bodyMeasureEnded:
      "Votre accès à l'espace santé de cette personne a pris fin : la mesure de protection par laquelle le juge vous avait confié sa représentation est terminée, à sa date de fin ou par une décision du juge. Vous ne pouvez plus y consulter ses données ni agir en son nom. Si le juge a renouvelé la mesure, l'assistance du service l'enregistre sur présentation de sa décision.",
    home: "Revenir à mon espace",
    relatives: "Voir les personnes pour qui j'agis",
  },
  proHome: {
    title: "Espace professionnel",
    greeting: "Bonjour {name}",
    patientsTitle: "Patients qui vous ont autorisé·e",
    noPatients: "Aucun patient ne vous a encore autorisé·e à consulter son dossier.",
    noCurrentPatients: "Aucun patient ne vous autorise actuellement.",
    // The last day the access covers (lastDayCovered), included, as the patient's page says it.
    until: "jusqu'au {date} inclus",
    standing: "sans date de fin",
    birthDate: "Date de naissance : {date}",
    searchLabel: "Rechercher un patient",
    searchHint: "Nom, prénom ou date de naissance (par exemple 02/06/1950).",
    searchButton: "Rechercher",
    searchReset: "Voir toute la liste",
    found: plural({
      one: "{count} patient trouvé pour « {search} ».",
      other: "{count} patients trouvés pour « {search} ».",
    }),
    noMatch: "Aucun patient de votre liste ne correspond à « {search} ».",
    emergencyOpenTitle: "Accès en urgence en cours",
    emergencyOpen: "Le dossier que vous avez ouvert en urgence reste accessible jusqu'à {time}.",
    emergencyOpenLink: "Revenir au dossier ouvert en urgence",
  },
  form: {
    required: "(obligatoire)",
    errorPrefix: "Erreur :",
  },
};

export type Messages = typeof fr;
