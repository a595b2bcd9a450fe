import "@/server/server-only";
import { hkdfSync } from "node:crypto";
import { openString, sealString } from "../crypto/aes-gcm";
import { secrets } from "../secrets";
import { LINK_POLICY } from "./link-policy";

/**
 * The pharmacist's session after a right passcode: an AES-256-GCM sealed token in an HttpOnly,
 * SameSite=Strict cookie scoped to /p/<link id>. Chosen over re-sending the key and passcode on
 * every request because the passcode would then be checked (argon2) and counted on each click,
 * and over a table of sessions because nothing in it needs to be revoked on its own: every
 * request reads the link's row again, so revoking, expiry, the passcode lock or a completed
 * prescription ends every session of the link at once. The token is opaque to the browser,
 * bound to its link (the link id is the associated data: a token moved to another link fails)
 * and carries its own end, so a stolen cookie dies within 30 minutes.
 */
export type LinkSession = { linkId: string; pharmacy: string; expiresAt: Date };

const key = (): Buffer => Buffer.from(hkdfSync("sha256", secrets().authSecret, "espace-sante", "pharmacist-session-v1", 32));

export function sealLinkSession(linkId: string, pharmacy: string, now: Date): { token: string; maxAge: number } {
  const expiresAt = now.getTime() + LINK_POLICY.sessionSeconds * 1000;
  const token = sealString(JSON.stringify({ p: pharmacy, e: expiresAt }), key(), linkId);
  return { token, maxAge: LINK_POLICY.sessionSeconds };
}

export function openLinkSession(linkId: string, token: string | undefined, now: Date): LinkSession | undefined {
  if (!token || token.length > 2000) return undefined;
  try {
    const payload = JSON.parse(openString(token, key(), linkId)) as { p?: unknown; e?: unknown };
    if (typeof payload.p !== "string" || typeof payload.e !== "number" || payload.e <= now.getTime()) return undefined;
    return { linkId, pharmacy: payload.p, expiresAt: new Date(payload.e) };
  } catch {
    return undefined;
  }
}

/** The cookie: __Secure- in production (__Host- would need Path=/), scoped to the one link. */
export function linkCookie(linkId: string, production: boolean) {
  return {
    name: `${production ? "__Secure-" : ""}espace-sante.pharmacie`,
    options: { httpOnly: true, sameSite: "strict" as const, secure: production, path: `/p/${linkId}` },
  };
}
