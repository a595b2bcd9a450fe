import "@/server/server-only";
import { hkdfSync } from "node:crypto";
import { openString, sealString } from "../crypto/aes-gcm";
import { secrets } from "../secrets";

/**
 * How the link just created reaches the page that shows it, without its key ever being in a
 * URL: the form's route handler seals { url, passcode, end } with AES-256-GCM into an HttpOnly,
 * SameSite=Strict cookie scoped to the result page's path, and answers "see the result page".
 * The page opens it and draws the QR code. The cookie is bound to the session and the
 * prescription (associated data: moved to another session or page, it fails to open) and lives
 * ten minutes: after that the key exists only in the patient's hands, the server keeping its
 * hash alone.
 */
export type ShareResult = { linkId: string; url: string; passcode?: string; expiresAt: string };

const MAX_AGE_SECONDS = 10 * 60;

const key = (): Buffer => Buffer.from(hkdfSync("sha256", secrets().authSecret, "espace-sante", "share-result-v1", 32));

const bound = (sessionId: string, prescriptionId: string) => `${sessionId}:${prescriptionId}`;

export function shareResultPath(prescriptionId: string): `/${string}` {
  return `/espace/ordonnances/${encodeURIComponent(prescriptionId)}/lien`;
}

export function shareResultCookie(prescriptionId: string, production: boolean) {
  return {
    name: `${production ? "__Secure-" : ""}espace-sante.lien-cree`,
    options: { httpOnly: true, sameSite: "strict" as const, secure: production, path: shareResultPath(prescriptionId), maxAge: MAX_AGE_SECONDS },
  };
}

export function sealShareResult(result: ShareResult, sessionId: string, prescriptionId: string): string {
  return sealString(JSON.stringify(result), key(), bound(sessionId, prescriptionId));
}

export function openShareResult(token: string | undefined, sessionId: string, prescriptionId: string): ShareResult | undefined {
  if (!token || token.length > 4000) return undefined;
  try {
    const value = JSON.parse(openString(token, key(), bound(sessionId, prescriptionId))) as Partial<ShareResult>;
    if (typeof value.url !== "string" || typeof value.linkId !== "string" || typeof value.expiresAt !== "string") return undefined;
    return { linkId: value.linkId, url: value.url, expiresAt: value.expiresAt, passcode: typeof value.passcode === "string" ? value.passcode : undefined };
  } catch {
    return undefined;
  }
}

/** A Set-Cookie header value (route handlers answer with plain Responses). */
export function setCookieHeader(name: string, value: string, options: { httpOnly: boolean; sameSite: "strict" | "lax"; secure: boolean; path: string; maxAge: number }): string {
  const parts = [`${name}=${value}`, `Path=${options.path}`, `Max-Age=${options.maxAge}`, `SameSite=${options.sameSite === "strict" ? "Strict" : "Lax"}`];
  if (options.httpOnly) parts.push("HttpOnly");
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

/** A cookie's value from a request's Cookie header. */
export function cookieFrom(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}
