import type { Actor } from "./actor";

/**
 * Deleted means gone for others (SECURITY-CASES 43). Once a resource is deleted, no one reads it
 * or its versions (read, vread, `_history`, search, audit entries naming it) except the patient
 * whose record held it, who still sees in their history that it existed, when and by whom it was
 * deleted (the versions of their own record; a document's file bytes are erased anyway). Not a
 * guardian, a caregiver or a professional, nor its author: what the patient removed stays removed.
 */
export function seesDeleted(actor: Actor, patientId: string | null | undefined): boolean {
  if (actor.kind === "system") return true;
  return actor.kind === "patient" && !!patientId && actor.patientId === patientId;
}
