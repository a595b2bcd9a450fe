/** « Clôturer mon espace » (close-space.ts, CSP art. R1111-36), on « Mon compte » and at sign-in, in French. */
export const frCloseSpace = {
  closeSpace: {
    title: "Clôturer mon espace",
    intro: "Vous pouvez clôturer votre espace santé à tout moment. Voici ce qui se passe alors :",
    nobodyReads:
      "Plus personne ne peut consulter votre dossier, pas même vous : vous ne pourrez plus vous connecter, et vos sessions ouvertes sont fermées.",
    accessEnds:
      "Les accès des professionnels que vous avez autorisés et l'accès en urgence cessent ; les accès donnés à vos proches prennent fin (ils en sont prévenus) ; les liens de partage d'ordonnance avec une pharmacie ne s'ouvrent plus.",
    archived:
      "Vos données sont archivées pendant dix ans, puis supprimées automatiquement (article R1111-36 du code de la santé publique). Vous pouvez aussi demander leur suppression dès maintenant : elle a lieu 30 jours après la clôture.",
    // What closing also takes from a parent or a caregiver (spaces-also-closed.ts): said before she confirms.
    // A count of one is said without it (« votre enfant »), a plural form always saying its count.
    alsoChild: "Vous ne pourrez plus agir dans l'espace de votre enfant (ou de la personne que vous représentez) : son espace reste ouvert.",
    alsoChildren: "Vous ne pourrez plus agir dans les espaces de vos {count} enfants (ou des personnes que vous représentez) : leurs espaces restent ouverts.",
    alsoRelative: "Vous ne pourrez plus agir pour le proche qui vous a confié l'accès à son espace : son espace reste ouvert.",
    alsoRelatives: "Vous ne pourrez plus agir pour les {count} proches qui vous ont confié l'accès à leur espace : leurs espaces restent ouverts.",
    reopen:
      "Vous pouvez demander à tout moment la réouverture de votre espace à l'assistance du service, qui vérifiera votre identité : vous retrouvez alors vos données. Un e-mail vous confirme la clôture et vous dit comment faire.",
    erase: "Supprimer aussi mes données, 30 jours après la clôture (sans retour possible ensuite)",
    codeHint: "Pour confirmer que c'est bien vous : un code de votre application d'authentification, ou l'un de vos codes de secours.",
    submit: "Clôturer mon espace",
    /** Refusals: nothing was closed. */
    codeFailed: "Le code ne correspond pas : votre espace n'a pas été clôturé.",
    notOwn:
      "Seul le titulaire d'un espace peut le clôturer, depuis son propre espace : vous agissez en ce moment dans l'espace d'un proche. Revenez dans votre espace pour clôturer le vôtre ; rien n'a été clôturé.",
    fromOwnSpace:
      "Vous agissez en ce moment dans l'espace d'un proche. Pour clôturer votre propre espace, revenez d'abord dans votre espace (« Revenir à mon espace », en haut de la page) : vous trouverez ici ce qu'il faut savoir avant de le faire.",
    minor: "L'espace d'une personne mineure ne peut pas être clôturé ici : rien n'a été clôturé.",
    already: "Cet espace est déjà clôturé.",
    // Her record kept changing while the closure ran (close-space.ts): the code she typed is spent.
    changedMeanwhile:
      "Votre dossier a été modifié au même moment (dans un autre onglet, par exemple) : votre espace n'a pas été clôturé. Réessayez avec un nouveau code.",
    /** The sign-in page, right after the closure and for every later sign-in. */
    done: "Votre espace santé est clôturé et vous êtes déconnecté·e. Un e-mail de confirmation vous a été envoyé : il dit comment demander sa réouverture.",
    signInClosed:
      "Votre espace santé est clôturé : il ne s'ouvre plus. Pour le rouvrir et retrouver vos données, contactez l'assistance du service (son adresse figure dans l'e-mail de confirmation de la clôture), qui vérifiera votre identité.",
  },
};
