/**
 * The codes /espace/proches comes back with after a form post, and each one's tone: shared by
 * the routes that send them (src/server/delegations/relatives-post.ts) and the page that shows
 * their words (src/components/relatives/relatives-notice.ts), which runs no server code.
 */
export const RELATIVES_NOTICES = {
  invite: "success",
  annulee: "success",
  modifiee: "success",
  "en-pause": "info",
  retiree: "success",
  renouvelee: "success",
  confirmee: "success",
  acceptee: "success",
  deja: "info",
  date: "error",
  prenom: "error",
  nom: "error",
  email: "error",
  "soi-meme": "error",
  trop: "error",
  lien: "error",
  formulaire: "error",
  interdit: "error",
  legal: "error",
  conflit: "error",
  echec: "error",
} as const;

export type RelativesNotice = keyof typeof RELATIVES_NOTICES;
