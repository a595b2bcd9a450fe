import type { KindInfo } from "./kinds";

/**
 * The notices of who can act in a space (invitations, delegations, and a person named to act
 * whose account is closed), and how each reads: kinds.ts's rules (no name, nothing of the
 * record). A file of their own beside measure-kinds.ts: kinds.ts was nearing 300 lines again.
 */
export const DELEGATION_KINDS = [
  "delegation-invited",
  "delegation-accepted",
  "delegation-active",
  "delegation-changed",
  "delegation-revoked",
  "delegation-ending",
  "agent-account-closed",
] as const;

export const DELEGATION_KIND_INFO: Record<(typeof DELEGATION_KINDS)[number], KindInfo> = {
  "delegation-invited": {
    text: "Une invitation à agir pour vous dans votre espace a été envoyée.",
    theirs: "Une invitation à agir pour {person} dans son espace a été envoyée.",
    label: "Invitation d'un proche à agir pour vous",
    security: true,
    link: "/espace/proches",
  },
  "delegation-accepted": {
    text: "Une délégation sur votre espace a été acceptée.",
    theirs: "Une délégation sur l'espace de {person} a été acceptée.",
    label: "Délégation acceptée",
    security: true,
    link: "/espace/proches",
  },
  "delegation-active": {
    text: "Une délégation sur votre espace est maintenant active.",
    theirs: "Une délégation sur l'espace de {person} est maintenant active.",
    label: "Délégation active",
    security: true,
    link: "/espace/proches",
  },
  "delegation-changed": {
    text: "Les droits d'une délégation ont été modifiés.",
    theirs: "Les droits d'une délégation de {person} ont été modifiés.",
    label: "Délégation modifiée",
    security: true,
    link: "/espace/proches",
  },
  "delegation-revoked": {
    text: "Une délégation a été retirée.",
    theirs: "Une délégation de {person} a été retirée.",
    label: "Délégation retirée",
    security: true,
    link: "/espace/proches",
  },
  "delegation-ending": {
    text: "Une délégation prend fin bientôt.",
    theirs: "Une délégation de {person} prend fin bientôt.",
    label: "Délégation bientôt terminée",
    security: true,
    link: "/espace/proches",
  },
  // accounts/close-space.ts: a caregiver, a parent or a representative closed her own space, so
  // her account opens nothing; told to each space she could act in (the person she helped, or a
  // child's, whose other guardians read it there and are e-mailed). Why her account is closed is
  // hers: not said.
  "agent-account-closed": {
    text: "Une personne qui pouvait agir pour vous ne peut plus le faire : son compte est fermé. Vous pouvez inviter quelqu'un d'autre depuis « Proches et délégations ».",
    theirs: "Une personne qui pouvait agir pour {person} ne peut plus le faire : son compte est fermé.",
    label: "Compte fermé d'une personne qui agit pour vous",
    security: true,
    link: "/espace/proches",
  },
};
