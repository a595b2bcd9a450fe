import type { PractitionerRole } from "@medplum/fhirtypes";
import type { Actor } from "./actor";
import { roleIsLive } from "./live-roles";
import { practitionerAccess } from "./practitioner-decision";
import type { PatientRules } from "./rules";

/**
 * Break-glass is for the professionals whose work is emergencies, not a way round a patient's
 * choices for anyone holding a professional account. Who may use it is data, the directory's
 * PractitionerRole (its specialty), decided here, purely.
 */
export const SNOMED = "http://snomed.info/sct";

/**
 * Specialties (SNOMED CT) whose holders may open a record in an emergency. Emergency medicine
 * only for now: the GP and the cardiologist of the demo have a patient's authorisation to ask
 * for when they need one; the emergency physician sees people who cannot give it.
 */
export const BREAK_GLASS_SPECIALTIES: ReadonlySet<string> = new Set(["773568002"]);

/** Whether one of the professional's roles, active today, allows emergency access. */
export function roleAllowsBreakGlass(roles: readonly PractitionerRole[], now: Date): boolean {
  return roles.some(
    (role) =>
      roleIsLive(role, now) &&
      (role.specialty ?? []).some((specialty) => (specialty.coding ?? []).some((c) => c.system === SNOMED && BREAK_GLASS_SPECIALTIES.has(c.code ?? ""))),
  );
}

/** HL7 v3 ActReason "break the glass": the purpose of use written on what an emergency access does. */
export const BREAK_THE_GLASS = "BTG";

/**
 * The purpose of use of what this actor does in this patient's record: break-the-glass when
 * they are let in only by an emergency access; nothing for a professional the patient
 * authorises anyway (whose reads are ordinary ones, even with an emergency open).
 */
export function purposeOfUse(actor: Actor, rules: PatientRules, now: Date): typeof BREAK_THE_GLASS | undefined {
  if (actor.kind !== "practitioner" || actor.emergency?.patientId !== rules.patientId) return undefined;
  return practitionerAccess(actor, rules, now).ground === "emergency" ? BREAK_THE_GLASS : undefined;
}
