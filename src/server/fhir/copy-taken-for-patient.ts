import "@/server/server-only";
import type { Actor } from "../access/actor";
import { database } from "../db/client";
import { tellPatientOfActForHer } from "../notifications/acted-for-patient";

/**
 * A copy of the record taken by someone acting for the patient (record-copy/): her whole record
 * has left the portal without her, so she is told (acted-for-patient.ts), before the copy starts.
 * Its notice leads to her history, whose « Export » row says who took it.
 */
export async function tellPatientOfCopyTakenForHer(actor: Actor, patientId: string, now: Date): Promise<void> {
  await tellPatientOfActForHer((await database()).sql, actor, patientId, "record-copied-for-you", now);
}
