import "@/server/server-only";
import { sealedFlash } from "../http/sealed-flash";
import { seeOther } from "../http/see-other";

/**
 * Whose invitations the release of an account opening declined (release-account-opening.ts), told
 * once on the page it leads to: « L'invitation de Eve Martin a été refusée ». Not in the address,
 * where anyone could write any name into a link to that page (as closed-sessions-flash.ts found of
 * a count): the release's route seals the names (AES-256-GCM) in an HttpOnly, SameSite=Strict
 * cookie on the page's path alone, for the redirect's GET; the page reads it and clears it. The
 * names are those the release page showed the link's owner before he pressed the button (the
 * inviters of the invitations holding the opening), nothing more.
 */
export const RELEASED_PAGE = "/invitation/ouverture/fait";

const BOUND = "released-opening";
/** A few names at most (two spaces' invitations holding at once is already rare). */
const MAX_SEALED_LENGTH = 2000;
const flash = sealedFlash("espace-sante.ouverture-annulee", "released-opening-v1");

/** The release's answer: to the page that says it is done, with whose invitations were declined, if any, sealed beside it. */
export function releasedAnswer(declinedFrom: string[]): Response {
  const answer = seeOther(RELEASED_PAGE);
  answer.headers.append("Set-Cookie", flash.set(RELEASED_PAGE, declinedFrom.length > 0 ? JSON.stringify(declinedFrom) : undefined, BOUND));
  return answer;
}

/** The names sealed by the release, with the Set-Cookie that clears them; none from a cookie of another shape or sealed elsewhere. */
export function readReleasedFlash(cookieHeader: string | null | undefined): { declinedFrom: string[]; clear: string | null } {
  const { value, clear } = flash.open(cookieHeader, RELEASED_PAGE, BOUND, MAX_SEALED_LENGTH);
  try {
    const names: unknown = value === null ? [] : JSON.parse(value);
    return { declinedFrom: Array.isArray(names) ? names.filter((name): name is string => typeof name === "string") : [], clear };
  } catch {
    return { declinedFrom: [], clear };
  }
}
