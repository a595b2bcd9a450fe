import "@/server/server-only";
import { anEmergencyChoice } from "@/lib/fhir/builders/rules";
import { endSessionEmergencies } from "../db/session-emergency-store";
import type { Repository } from "../fhir/repository";
import { setChoice } from "./set-choice";

/**
 * Emergency access: allowed (the default: normal documents), allowed including restricted
 * documents, or refused. Hidden and secret documents stay closed in every case (decide()).
 * A refusal also ends the emergency accesses open on the record, so allowing it again later does
 * not reopen them (session-emergency-store.ts says why).
 */
export const EMERGENCY_CHOICES = ["allowed", "allowed-restricted", "refused"] as const;
export type EmergencyChoice = (typeof EMERGENCY_CHOICES)[number];

export function setEmergencyAccess(repo: Repository, choice: EmergencyChoice): Promise<boolean> {
  return setChoice(repo, "emergency", (patientId, dateTime) =>
    anEmergencyChoice({ patientId, dateTime, allowed: choice !== "refused", restricted: choice === "allowed-restricted" }),
    choice === "refused" ? (tx, patientId) => endSessionEmergencies(tx, patientId) : undefined,
  );
}
