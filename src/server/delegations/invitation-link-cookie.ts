import "@/server/server-only";
import { hkdfSync } from "node:crypto";
import { openString, sealString } from "../crypto/aes-gcm";
import { secrets } from "../secrets";

/**
 * "Copier le lien": the invitation link just created reaches /espace/proches without being in a
 * URL (history, logs): sealed (AES-256-GCM) in an HttpOnly, SameSite=Strict cookie on the page's
 * path for ten minutes. After that only the e-mail holds it; the server keeps its hash alone.
 * The seal is bound to the session (only who made it) and to the space it was made in: one
 * session moves between spaces (a guardian's own, each child's) under the same cookie, and a
 * link to act for one child shown in another space reads as an invitation into that one.
 */
const MAX_AGE_SECONDS = 10 * 60;
const key = (): Buffer => Buffer.from(hkdfSync("sha256", secrets().authSecret, "espace-sante", "invitation-link-v1", 32));

export function invitationLinkCookie(production: boolean) {
  return {
    name: `${production ? "__Secure-" : ""}espace-sante.invitation-creee`,
    options: { httpOnly: true, sameSite: "strict" as const, secure: production, path: "/espace/proches", maxAge: MAX_AGE_SECONDS },
  };
}

/** Where a sealed link belongs: the session that made it, in the space (the patient's id) it was made for. */
export type InvitationLinkPlace = { sessionId: string; spaceId: string };

const boundTo = ({ sessionId, spaceId }: InvitationLinkPlace) => `invitation:${sessionId}:${spaceId}`;

export function sealInvitationLink(url: string, place: InvitationLinkPlace): string {
  return sealString(url, key(), boundTo(place));
}

/** The link, when `token` was sealed for this very session and space; undefined anywhere else. */
export function openInvitationLink(token: string | undefined, place: InvitationLinkPlace): string | undefined {
  if (!token || token.length > 4000) return undefined;
  try {
    const url = openString(token, key(), boundTo(place));
    return /^https?:\/\/[^\s]+\/invitation\/[A-Za-z0-9_-]{43}$/.test(url) ? url : undefined;
  } catch {
    return undefined;
  }
}
