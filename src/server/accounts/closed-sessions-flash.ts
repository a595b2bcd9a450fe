import "@/server/server-only";
import { hkdfSync } from "node:crypto";
import type { CurrentSession } from "../auth/check-session";
import { openString, sealString } from "../crypto/aes-gcm";
import { env } from "../env";
import { seeOther } from "../http/see-other";
import { secrets } from "../secrets";
import { cookieFrom, setCookieHeader } from "../sharing/share-result-cookie";
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

const MAX_AGE_SECONDS = 2 * 60;
const key = (): Buffer => Buffer.from(hkdfSync("sha256", secrets().authSecret, "espace-sante", "closed-sessions-v1", 32));
const boundTo = (sessionId: string, result: ClosingResult) => `closed-sessions:${sessionId}:${result}`;

function cookieName(): string {
  return `${env().APP_ENV === "production" ? "__Secure-" : ""}espace-sante.sessions-fermees`;
}

const header = (session: CurrentSession, value: string, maxAge: number) =>
  setCookieHeader(cookieName(), value, { httpOnly: true, sameSite: "strict", secure: env().APP_ENV === "production", path: accountPagePath(session), maxAge });

/** The removal's answer: back to « Mon compte » with its result, the count (when any) in the sealed cookie. */
export function closingAnswer(session: CurrentSession, result: ClosingResult, closed: number): Response {
  const answer = seeOther(`${accountPagePath(session)}?ok=${result}`);
  answer.headers.append("Set-Cookie", closed > 0 ? header(session, sealString(String(closed), key(), boundTo(session.sessionId, result)), MAX_AGE_SECONDS) : header(session, "", 0));
  return answer;
}

/**
 * The count sealed for this session and the result the page shows, once, with the Set-Cookie
 * that clears it; nothing from a cookie sealed elsewhere, for another result, or of another shape.
 */
export function readClosingFlash(cookieHeader: string | null | undefined, session: CurrentSession, result: string | undefined): { count: number | null; clear: string | null } {
  const sealed = cookieFrom(cookieHeader ?? null, cookieName());
  if (!sealed) return { count: null, clear: null };
  const clear = header(session, "", 0);
  if (result !== "cle-retiree" && result !== "oidc-delie") return { count: null, clear };
  try {
    const text = sealed.length <= 400 ? openString(sealed, key(), boundTo(session.sessionId, result)) : "";
    return { count: /^[1-9][0-9]{0,3}$/.test(text) ? Number(text) : null, clear };
  } catch {
    return { count: null, clear };
  }
}
