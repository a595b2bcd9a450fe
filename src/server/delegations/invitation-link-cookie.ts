import "@/server/server-only";
import { hkdfSync } from "node:crypto";
import { openString, sealString } from "../crypto/aes-gcm";
import { secrets } from "../secrets";

/**
 * "Copier le lien": the invitation link just created reaches /espace/proches without being in a
 * URL (history, logs): sealed (AES-256-GCM, bound to the session) in an HttpOnly, SameSite=Strict
 * cookie on the page's path for ten minutes. After that only the e-mail holds it; the server
 * keeps its hash alone.
 */
const MAX_AGE_SECONDS = 10 * 60;
const key = (): Buffer => Buffer.from(hkdfSync("sha256", secrets().authSecret, "espace-sante", "invitation-link-v1", 32));

export function invitationLinkCookie(production: boolean) {
  return {
    name: `${production ? "__Secure-" : ""}espace-sante.invitation-creee`,
    options: { httpOnly: true, sameSite: "strict" as const, secure: production, path: "/espace/proches", maxAge: MAX_AGE_SECONDS },
  };
}

export function sealInvitationLink(url: string, sessionId: string): string {
  return sealString(url, key(), `invitation:${sessionId}`);
}

export function openInvitationLink(token: string | undefined, sessionId: string): string | undefined {
  if (!token || token.length > 4000) return undefined;
  try {
    const url = openString(token, key(), `invitation:${sessionId}`);
    return /^https?:\/\/[^\s]+\/invitation\/[A-Za-z0-9_-]{43}$/.test(url) ? url : undefined;
  } catch {
    return undefined;
  }
}
