import "@/server/server-only";
import { hkdfSync } from "node:crypto";
import { openString, sealString } from "../crypto/aes-gcm";
import { env } from "../env";
import { secrets } from "../secrets";
import { cookieFrom, setCookieHeader } from "../sharing/share-result-cookie";

/**
 * A result told once on the page a form's redirect leads to, which must not come from the address
 * (anyone could write any value into a link to that page): sealed (AES-256-GCM, a key of its own
 * derived for `purpose`, bound to what the caller names) in an HttpOnly, SameSite=Strict cookie on
 * that page's path, for the redirect's GET (two minutes); the page opens it once and clears it.
 * Shared by « Mon compte »'s closed sessions (accounts/closed-sessions-flash.ts) and the released
 * account opening (delegations/released-opening-flash.ts), which had each written it out.
 */
const MAX_AGE_SECONDS = 2 * 60;

export function sealedFlash(cookie: string, purpose: string) {
  const key = (): Buffer => Buffer.from(hkdfSync("sha256", secrets().authSecret, "espace-sante", purpose, 32));
  const name = () => `${env().APP_ENV === "production" ? "__Secure-" : ""}${cookie}`;
  const header = (path: string, value: string, maxAge: number) =>
    setCookieHeader(name(), value, { httpOnly: true, sameSite: "strict", secure: env().APP_ENV === "production", path, maxAge });
  return {
    /** The Set-Cookie carrying `value` sealed to `bound`, or clearing the cookie when there is nothing to tell. */
    set: (path: string, value: string | undefined, bound: string): string => (value === undefined ? header(path, "", 0) : header(path, sealString(value, key(), bound), MAX_AGE_SECONDS)),
    /**
     * What the cookie of this request carries, opened with `bound` (null: none, too long, sealed
     * elsewhere or for another bound), and the Set-Cookie that clears it (null when there was none).
     */
    open(cookieHeader: string | null | undefined, path: string, bound: string | undefined, maxLength: number): { value: string | null; clear: string | null } {
      const sealed = cookieFrom(cookieHeader ?? null, name());
      if (!sealed) return { value: null, clear: null };
      const clear = header(path, "", 0);
      if (bound === undefined || sealed.length > maxLength) return { value: null, clear };
      try {
        return { value: openString(sealed, key(), bound), clear };
      } catch {
        return { value: null, clear };
      }
    },
  };
}
