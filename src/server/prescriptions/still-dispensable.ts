import "@/server/server-only";
import type { Prescription } from "./prescription-model";

/**
 * What a pharmacist may still hand over through a link. A link ends at the prescription's
 * validity when it is made (share-prescription.ts), but the validity can end sooner afterwards
 * (the prescriber shortens it), one line's can end before another's, or start on a later day: the link then still
 * opened and a dispensation past the validity was recorded (found by an attack over HTTP). The
 * prescription as a whole here; each line's own in its `dispensableNow` (prescription-model.ts,
 * withinValidity in dispensing-rules.ts).
 */
export function prescriptionDispensable(prescription: Pick<Prescription, "state">): boolean {
  return prescription.state === "active";
}
