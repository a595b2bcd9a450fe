import { plural } from "./plural";
/** The notifications pages and the header's count, in French. */
export const frNotifications = {
  notifications: {
    title: "Notifications",
    intro: {
      yours:
        "Ce qui s'est passé dans votre espace santé (accès à votre dossier, nouveaux documents, ordonnances partagées, délégations) et sur votre compte (connexions, mot de passe, clés d'accès, codes de secours). Elles sont conservées un an.",
      theirs:
        "Ce qui s'est passé dans l'espace santé de {person} (accès à son dossier, nouveaux documents, ordonnances partagées, délégations), et ce qui concerne votre propre compte et votre propre espace. Chaque notification dit de qui elle parle. Elles sont conservées un an.",
    },
    /** To someone acting in another person's space who may not read its history: her list is her own only. */
    introOwnOnly:
      "Vos notifications : celles de votre propre compte et de votre propre espace santé. Celles de l'espace de {person} ne s'affichent pas ici : votre délégation ne comprend pas le droit de voir qui a consulté son dossier. Elles sont conservées un an.",
    proIntro:
      "Ce qui concerne votre compte professionnel : les messages de vos patients, les connexions à votre compte et les changements de vos moyens de connexion (mot de passe, clés d'accès, codes de secours). Elles sont conservées un an.",
    empty: "Aucune notification pour le moment.",
    listLabel: "Vos notifications, de la plus récente à la plus ancienne",
    unread: "Non lue",
    urgent: "Urgent",
    open: "Voir",
    openLabel: "Voir : {text}",
    markAllRead: "Tout marquer comme lu",
    allRead: "Toutes les notifications sont marquées comme lues.",
    /** A notice of another person's space opened once the right to act there had ended (mark-read.ts, ?espace=perdu). */
    spaceLost: "Cette notification concerne l'espace d'une personne pour qui vous n'agissez plus : sa délégation a pris fin ou a été retirée. Elle ne peut plus être ouverte.",
    unreadCount: plural({ one: "{count} non lue", other: "{count} non lues" }),
    /** Under a conversation's notice that its next messages refreshed while it waited unread (news-count-line.ts). */
    newMessages: plural({ one: "{count} nouveau message", other: "{count} nouveaux messages" }),
    preferencesLink: "Choisir les notifications reçues aussi par e-mail",
    forSpace: "Espace de {person}",
    forOwnSpace: "Votre propre espace",
    forOwnAccount: "Votre compte",
    previous: "Plus récentes",
    next: "Plus anciennes",
    pagination: "Pages des notifications",
    /** In one's own space: the unread notices of the spaces one acts in and may read the notices of (unread-in-spaces.ts). */
    elsewhereTitle: "Dans les espaces où vous agissez",
    elsewhereCount: plural({ one: "Dans l'espace de {person} : {count} notification non lue", other: "Dans l'espace de {person} : {count} notifications non lues" }),
    elsewhereOpen: "Voir ses notifications",
    elsewhereOpenLabel: "Aller dans l'espace de {person} pour voir ses notifications",
    headerLink: "Notifications",
    headerCount: plural({ one: "Notifications ({count} non lue)", other: "Notifications ({count} non lues)" }),
  },
  notificationPreferences: {
    title: "Notifications par e-mail",
    intro: "Chaque notification apparaît dans votre espace. Choisissez celles que vous recevez aussi par e-mail. L'e-mail ne contient aucune information de santé : il vous invite à vous connecter.",
    legend: "Recevoir aussi par e-mail",
    /** The security kinds, listed apart from the choices (preferences-form.tsx): they cannot be turned off. */
    alwaysTitle: "Toujours envoyées par e-mail",
    alwaysIntro: "Pour votre sécurité, ces notifications vous sont aussi envoyées par e-mail dans tous les cas : vous ne pouvez pas les désactiver.",
    alwaysAccount: "Votre compte et vos connexions",
    alwaysSpace: "Votre espace santé et les personnes qui y agissent",
    save: "Enregistrer mes choix",
    saved: "Vos choix sont enregistrés.",
    back: "Retour aux notifications",
  },
};
