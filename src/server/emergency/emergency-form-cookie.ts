import "@/server/server-only";
import { hkdfSync } from "node:crypto";
import { openString, sealString } from "../crypto/aes-gcm";
import { secrets } from "../secrets";

/**
 * What the professional typed in the emergency form, given back to the form when it was refused
 * (no match, a reason too short, too many attempts): in an emergency, typing the patient's
 * identity and the reason again after each correction costs time (found by an exploratory test
 * of the demo: every field came back empty). Never in the address (the identity and the reason
 * would reach history and logs): sealed (AES-256-GCM) in an HttpOnly, SameSite=Strict cookie on
 * the page's path for five minutes, bound to the session that typed it, and cleared once the
 * access opens.
 */
export type EmergencyTyped = { nom: string; prenom: string; naissance: string; ins: string; motif: string };

const FIELDS = ["nom", "prenom", "naissance", "ins", "motif"] as const;
const MAX_AGE_SECONDS = 5 * 60;
const key = (): Buffer => Buffer.from(hkdfSync("sha256", secrets().authSecret, "espace-sante", "emergency-form-v1", 32));
const boundTo = (sessionId: string) => `emergency-form:${sessionId}`;

export function emergencyFormCookie(production: boolean) {
  return {
    name: `${production ? "__Secure-" : ""}espace-sante.urgence-saisie`,
    options: { httpOnly: true, sameSite: "strict" as const, secure: production, path: "/pro/urgence", maxAge: MAX_AGE_SECONDS },
  };
}

/** The fields as posted, each bounded as the form bounds it (the reason to its maximum). */
export function typedFields(field: (name: string) => string | undefined): EmergencyTyped {
  const typed = {} as EmergencyTyped;
  for (const name of FIELDS) typed[name] = (field(name) ?? "").slice(0, name === "motif" ? 500 : 100);
  return typed;
}

export function sealEmergencyTyped(typed: EmergencyTyped, sessionId: string): string {
  return sealString(JSON.stringify(typed), key(), boundTo(sessionId));
}

/** The fields, when `token` was sealed for this very session; undefined otherwise. */
export function openEmergencyTyped(token: string | undefined, sessionId: string): EmergencyTyped | undefined {
  if (!token || token.length > 4000) return undefined;
  try {
    const value = JSON.parse(openString(token, key(), boundTo(sessionId))) as Record<string, unknown>;
    return typedFields((name) => (typeof value[name] === "string" ? value[name] : undefined));
  } catch {
    return undefined;
  }
}
