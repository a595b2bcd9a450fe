import "@/server/server-only";
import type { MessageKey } from "@/lib/i18n/messages";
import type { EmergencyTyped } from "./emergency-form-cookie";
import { EMERGENCY_REASON_MAX, EMERGENCY_REASON_MIN } from "./emergency-request";

/**
 * What the break-glass page shows: whether this professional's role allows emergency access at
 * all (otherwise the page says so, without the form), the refusal the form came back with (its
 * words' key), and the reason's bounds.
 */
export type EmergencyPageData = { allowed: boolean; error: MessageKey | null; reason: { min: number; max: number }; typed: EmergencyTyped | null };

/** The codes /pro/urgence/ouvrir comes back with (?erreur=…), each with its words. */
const ERRORS = { refuse: "emergency.refused", invalide: "emergency.invalid", limite: "emergency.throttled", role: "emergency.role" } as const satisfies Record<string, MessageKey>;

/**
 * The break-glass page's data: it reads nothing of any patient. `allowed`: mayBreakGlass. `erreur`: the code the form's
 * handler answered with, kept only if it is one of its own (a forged text is never shown). The
 * refusal never says whether the patient exists. `typed`: what the refused form held
 * (emergency-form-cookie.ts), given back only with a refusal's code.
 */
export function emergencyPageData(erreur: string | undefined, allowed: boolean, typed?: EmergencyTyped): EmergencyPageData {
  const error = erreur !== undefined && Object.hasOwn(ERRORS, erreur) ? ERRORS[erreur as keyof typeof ERRORS] : null;
  return {
    allowed,
    error,
    reason: { min: EMERGENCY_REASON_MIN, max: EMERGENCY_REASON_MAX },
    typed: error && allowed ? (typed ?? null) : null,
  };
}
