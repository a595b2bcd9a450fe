import "@/server/server-only";
import type { CurrentSession } from "../auth/check-session";
import { env } from "../env";
import { keepTypedHeader, clearTypedHeader, typedOfRequest, type TypedForm } from "../http/typed-form-cookie";
import { accountPagePath } from "./account-page-path";

/**
 * « Changer d'adresse » refused (a wrong code, the same address, an address refused) comes back
 * with the new address as typed (typed-form-cookie.ts), for « Mon compte » of the account's kind
 * only: the person typed a long address on a phone, then a code that had just changed, and found
 * the address field empty (found by the walk of « Mon compte »). Never in the page's address,
 * which reaches history and logs. Bound to the session: no one else's page shows it.
 */
const EMAIL_FIELD_MAX = 254;

function emailTypedForm(session: CurrentSession): TypedForm<"email"> {
  return { name: "email-change", cookie: "espace-sante.adresse-saisie", path: accountPagePath(session), fields: { email: EMAIL_FIELD_MAX } };
}

/** The Set-Cookie header of the answer: the address kept after a refusal, forgotten once the request went through. */
export function emailTypedHeader(session: CurrentSession, refused: boolean, email: string): string {
  const form = emailTypedForm(session);
  const production = env().APP_ENV === "production";
  return refused ? keepTypedHeader(form, production, { email: email.slice(0, EMAIL_FIELD_MAX) }, session.sessionId) : clearTypedHeader(form, production);
}

/** The address the refused form held, read by « Mon compte » when its address says the change was refused. */
export function emailTypedOfPage(session: CurrentSession, cookieHeader: string | null, erreur: string | undefined): string | null {
  if (!erreur?.startsWith("adresse")) return null;
  return typedOfRequest(emailTypedForm(session), env().APP_ENV === "production", cookieHeader ?? undefined, session.sessionId)?.email || null;
}
