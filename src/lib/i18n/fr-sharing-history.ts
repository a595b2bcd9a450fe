/**
 * The history of the sharing choices (/espace/partage/historique): one line per change, said from
 * who made it (src/components/sharing/choice-line.ts).
 */
export const frSharingHistory = {
  /**
   * One line per change of the sharing choices (choice-history.ts): « byReader » when the
   * reader made it herself, in her own space or for the person; « done » when the version does
   * not record who made it (written before that was recorded, or by the system).
   */
  sharingHistory: {
    authorised: {
      byReader: "Vous avez autorisé {name}",
      done: "{name} a été autorisé·e",
    },
    changed: {
      byReader: "Vous avez modifié l'autorisation de {name}",
      done: "L'autorisation de {name} a été modifiée",
    },
    withdrawn: {
      byReader: "Vous avez retiré l'autorisation de {name}",
      done: "L'autorisation de {name} a été retirée",
    },
    blocked: {
      byReader: "Vous avez bloqué {name}",
      done: "{name} a été bloqué·e",
    },
    unblocked: {
      byReader: "Vous avez débloqué {name}",
      done: "{name} a été débloqué·e",
    },
    emergency: {
      byReader: "Vous avez changé l'accès en urgence",
      done: "L'accès en urgence a été changé",
    },
    research: {
      byReader: "Vous avez changé le choix pour la recherche",
      done: "Le choix pour la recherche a été changé",
    },
    defaultLevel: {
      byReader: "Vous avez changé le niveau des nouveaux documents",
      done: "Le niveau des nouveaux documents a été changé",
    },
    /** A change someone else made, by name: the patient, or a caregiver for her (« Dr Petit a été autorisé·e par Léa Martin »). */
    byOther: "{done} par {author}",
  },
};
