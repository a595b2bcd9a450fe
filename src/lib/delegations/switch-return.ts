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
