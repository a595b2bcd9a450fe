import "@/server/server-only";
import { returnPathOf } from "@/lib/auth/return-path";
import { env } from "../env";
import { cookieFrom, setCookieHeader } from "../sharing/share-result-cookie";

/**
 * The page a person opened signed out, kept for after her sign-in. A page's redirect to the
 * sign-in page names it (`/connexion?vers=…`); the sign-in page keeps it in a cookie, so that
 * whichever way she signs in (password and code, a recovery code, a passkey) the page where
 * every sign-in lands (/connexion/suite) takes her there, and forgets it. A cookie rather than a
 * field carried through each step: the steps are three routes and a script. Checked where it is
 * kept and again where it is used (return-path.ts): only a page of the portal's two spaces.
 * HttpOnly, SameSite=Lax, a quarter of an hour; `__Host-` and Secure in production, as the sign-in's
 * own cookies (cookie-names.ts).
 */
const MAX_AGE_SECONDS = 15 * 60;

function cookieName(): string {
  return `${env().APP_ENV === "production" ? "__Host-" : ""}espace-sante.retour`;
}

function header(value: string, maxAge: number): string {
  return setCookieHeader(cookieName(), value, { httpOnly: true, sameSite: "lax", secure: env().APP_ENV === "production", path: "/", maxAge });
}

/** The sign-in page's address for a page opened signed out (`path`: the request's URL), or the plain one. */
export function signInPathFor(path: string | undefined): string {
  const back = returnPathOf(path);
  return back ? `/connexion?vers=${encodeURIComponent(back)}` : "/connexion";
}

/** The Set-Cookie that keeps `path` for after the sign-in; undefined when it is no return path. */
export function keepReturnPath(path: unknown): string | undefined {
  const back = returnPathOf(path);
  return back ? header(encodeURIComponent(back), MAX_AGE_SECONDS) : undefined;
}

/** The path kept, if any and still a return path. */
export function keptReturnPath(cookieHeader: string | null): string | undefined {
  const value = cookieFrom(cookieHeader, cookieName());
  if (!value) return undefined;
  try {
    return returnPathOf(decodeURIComponent(value));
  } catch {
    return undefined;
  }
}

/** The Set-Cookie that forgets it. */
export function forgetReturnPath(): string {
  return header("", 0);
}
