import "@/server/server-only";
import type { CurrentSession } from "../auth/check-session";
import { sealedFlash } from "../http/sealed-flash";
import { seeOther } from "../http/see-other";
import { accountPagePath } from "./account-page-path";

/**
 * How many other sessions a removed passkey or an unlinked identity had open, told once on
 * « Mon compte » (close-sessions-opened-with.ts). It was a number in the address (`fermees=2`):
 * anyone could send a link that made the owner's page say « 2 sessions ouvertes avec cette clé
 * ont été fermées » of a key that opened none. Now the removal's route seals the count
 * (AES-256-GCM, as share-result-cookie.ts and invitation-link-cookie.ts) in an HttpOnly,
 * SameSite=Strict cookie on the account page's path, bound to the session that removed it and to
 * the result it goes with; the page reads it once and clears it. Two minutes: the redirect's GET.
 */
export type ClosingResult = "cle-retiree" | "oidc-delie";

const flash = sealedFlash("espace-sante.sessions-fermees", "closed-sessions-v1");
const boundTo = (sessionId: string, result: ClosingResult) => `closed-sessions:${sessionId}:${result}`;

/** The removal's answer: back to « Mon compte » with its result, the count (when any) in the sealed cookie. */
export function closingAnswer(session: CurrentSession, result: ClosingResult, closed: number): Response {
  const answer = seeOther(`${accountPagePath(session)}?ok=${result}`);
  answer.headers.append("Set-Cookie", flash.set(accountPagePath(session), closed > 0 ? String(closed) : undefined, boundTo(session.sessionId, result)));
  return answer;
}

/**
 * The count sealed for this session and the result the page shows, once, with the Set-Cookie
 * that clears it; nothing from a cookie sealed elsewhere, for another result, or of another shape.
 */
export function readClosingFlash(cookieHeader: string | null | undefined, session: CurrentSession, result: string | undefined): { count: number | null; clear: string | null } {
  const known = result === "cle-retiree" || result === "oidc-delie" ? boundTo(session.sessionId, result) : undefined;
  const { value, clear } = flash.open(cookieHeader, accountPagePath(session), known, 400);
  return { count: value !== null && /^[1-9][0-9]{0,3}$/.test(value) ? Number(value) : null, clear };
}
