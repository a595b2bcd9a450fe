/**
 * The error pages' words, in a module of their own: the root error boundary (src/app/error.tsx)
 * must be a client component, and importing the whole catalogue would ship it to every page.
 */
export const frErrors = {
  errors: {
    notFoundTitle: "Page introuvable",
    notFoundBody: "La page demandée n'existe pas ou n'est pas accessible.",
    backHome: "Retour à l'accueil",
    genericTitle: "Une erreur est survenue",
    genericBody: "Réessayez dans un instant. Si le problème persiste, contactez l'assistance.",
    retry: "Réessayer",
    tooManyTitle: "Trop de demandes en peu de temps",
    tooManyBody:
      "Pour protéger les dossiers, le nombre de consultations par minute est limité. Patientez une minute, puis reprenez où vous en étiez.",
  },
};
