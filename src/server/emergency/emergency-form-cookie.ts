import "@/server/server-only";
import type { Typed, TypedForm } from "../http/typed-form-cookie";
import { EMERGENCY_REASON_MAX } from "./emergency-request";

/**
 * What the professional typed in the emergency form, given back to the form when it was refused
 * (no match, a reason too short, too many attempts): in an emergency, typing the patient's
 * identity and the reason again after each correction costs time (found by an exploratory test
 * of the demo: every field came back empty). Kept as every refused form's is (typed-form-cookie.ts),
 * and cleared once the access opens.
 */
export const EMERGENCY_FORM = {
  name: "emergency",
  cookie: "espace-sante.urgence-saisie",
  path: "/pro/urgence",
  fields: { nom: 100, prenom: 100, naissance: 100, ins: 100, motif: EMERGENCY_REASON_MAX },
} as const satisfies TypedForm<string>;

export type EmergencyTyped = Typed<keyof typeof EMERGENCY_FORM.fields>;
