import { returnPathOf } from "@/lib/auth/return-path";

/**
 * A page to come back to once the space is switched (/espace/espace-actif's `retour`), besides the
 * fixed landings (space-landings.ts): the invitation page a patient opened while acting in
 * another's space (its secret's shape, as the invitation's routes check it), or a page of the two
 * spaces as the sign-in's return takes one (return-path.ts). Only a path of this site, anchored:
 * never « //other.example », « /\other.example », « https:… », nor a dot or « % » to climb out.
 */
const INVITATION_PAGE = /^\/invitation\/[A-Za-z0-9_-]{43}$/;

export function switchReturnPathOf(value: unknown): `/${string}` | undefined {
  if (typeof value !== "string") return undefined;
  const path = INVITATION_PAGE.test(value) ? value : returnPathOf(value);
  // Both patterns start with « / »: the type says what the check made sure of.
  return path as `/${string}` | undefined;
}

/**
 * The invitation page's code once the switch brought its reader back to her own space (?espace=revenu):
 * the page reloads looking almost the same, the accept button in place of the switch, and said
 * nothing of the switch; with it, the page says so and leads there (invitation-pages-props.ts).
 */
export const BACK_IN_OWN_SPACE = "revenu";

/** Where the switch lands for a `retour` checked by switchReturnPathOf: the invitation page with its code, any other page as it is. */
export function switchLandingOf(path: `/${string}`): `/${string}` {
  return INVITATION_PAGE.test(path) ? `${path}?espace=${BACK_IN_OWN_SPACE}` : path;
}
