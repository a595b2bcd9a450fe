import "@/server/server-only";
import { inPrisma } from "../db/queryable";
import { notify } from "../notifications/notify";
import type { MedicationDispense, MedicationRequest } from "@medplum/fhirtypes";
import { randomUUID } from "node:crypto";
import { notFound } from "../fhir/errors";
import type { Repository } from "../fhir/repository";
import { claimDispenseGuard, dispenseGuardKey, lockPrescriptionState, lockShareLink, markLinksDispensed } from "../fhir/share-links";
import { linkState } from "../sharing/link-state";
import { stateFingerprint, type PrescriptionLine } from "./prescription-model";
import { readPrescription } from "./read-prescriptions";
import { prescriptionDispensable } from "./still-dispensable";
import { isUuid } from "../fhir/ids";

/**
 * The pharmacist records what they handed over, line by line (all or part of what one
 * dispensation may hand over: prescription-model.ts, dispensableAtOnce).
 * One MedicationDispense per line, created through the repository as the LinkActor, and one
 * "dispense" row per line in the patient's trail; a line with nothing left becomes completed,
 * and once every line is, the link answers 404.
 *
 * Recorded once, however it is sent: in one transaction the prescription's lines are locked,
 * the form's idempotency key is claimed in dispense_guard (a double click, or the same form
 * posted twice, finds it taken and records nothing more), and the state the form was drawn
 * from must still be the current one (another pharmacist who recorded meanwhile makes this
 * form stale: nothing is recorded and the pharmacist sees the new state).
 */
export type DispenseInput = { formKey: string; state: string; quantities: Record<string, number> };

export type DispenseResult =
  | { kind: "recorded"; completed: boolean }
  | { kind: "already-recorded" }
  | { kind: "stale" }
  | { kind: "invalid" };

export const EVENT_SYSTEM = "https://espace-sante.example/fhir/sid/dispensation";
const ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

/** Thrown inside the transaction so that it rolls back, the claimed key with it. */
class Refused extends Error {
  constructor(readonly result: DispenseResult) {
    super(result.kind);
  }
}

/** First fill or renewal, complete or partial, relative to one fill's quantity. */
export function fillCode(line: PrescriptionLine, quantity: number): string {
  const before = line.dispensedQuantity;
  const first = before < line.quantityPerFill;
  const after = before + quantity;
  const complete = line.quantityPerFill > 0 && (after % line.quantityPerFill === 0 || after >= line.totalQuantity);
  return `${first ? "FF" : "RF"}${complete ? "C" : "P"}`;
}

function dispenseOf(request: MedicationRequest, line: PrescriptionLine, quantity: number, pharmacy: string, eventId: string, now: Date): MedicationDispense {
  return {
    resourceType: "MedicationDispense",
    identifier: [{ system: EVENT_SYSTEM, value: eventId }],
    status: "completed",
    type: { coding: [{ system: ACT_CODE, code: fillCode(line, quantity) }] },
    medicationCodeableConcept: request.medicationCodeableConcept,
    subject: request.subject,
    performer: [{ actor: { display: pharmacy } }],
    authorizingPrescription: [{ reference: `MedicationRequest/${line.requestId}` }],
    quantity: { value: quantity, unit: line.unit || undefined },
    whenHandedOver: now.toISOString(),
    dosageInstruction: request.dosageInstruction,
  };
}

export async function recordDispense(repo: Repository, input: DispenseInput): Promise<DispenseResult> {
  const actor = repo.actor;
  if (actor.kind !== "link") throw notFound();
  if (!isUuid(input.formKey)) return { kind: "invalid" };
  const now = repo.now();
  const found = await readPrescription(repo, actor.patientId, actor.prescriptionId, now);
  // Past its validity the prescription is no longer dispensable: the link answers as a dead one.
  if (!found || !prescriptionDispensable(found.prescription)) throw notFound();
  const { prescription, requests } = found;

  const wanted = Object.entries(input.quantities).filter(([, q]) => q !== 0);
  const lines = new Map(prescription.lines.map((line) => [line.requestId, line]));
  const valid = wanted.length > 0 && wanted.every(([id, q]) => {
    const line = lines.get(id);
    // dispensableNow is 0 outside the line's own validity (prescription-model.ts).
    return line !== undefined && Number.isInteger(q) && q > 0 && q <= line.dispensableNow;
  });

  try {
    return await repo.transaction(async (scope) => {
      const current = await lockPrescriptionState(scope.tx, actor.patientId, actor.prescriptionId);
      // The link, checked when the request came in, is read again under lock: revoked (or
      // ended otherwise) meanwhile, nothing is recorded, as « Retirer le lien » promised the
      // patient once it answered (case 18; found by the attack round, revoke-during-dispense.test.ts).
      // Locked after the lines, as markLinksDispensed does, so the two never wait crosswise.
      const link = await lockShareLink(scope.tx, actor.linkId);
      if (!link || linkState(link, true, now) !== "active") throw notFound();
      const eventId = randomUUID();
      if (!(await claimDispenseGuard(scope.tx, dispenseGuardKey(actor.linkId, input.formKey), eventId))) return { kind: "already-recorded" };
      if (stateFingerprint(current) !== input.state) throw new Refused({ kind: "stale" });
      if (!valid) throw new Refused({ kind: "invalid" });
      for (const [requestId, quantity] of wanted) {
        const line = lines.get(requestId);
        const request = requests.find((r) => r.id === requestId);
        if (!line || !request) continue;
        const dispense = await scope.create(dispenseOf(request, line, quantity, actor.pharmacy, eventId, now));
        await scope.audit({
          patientId: actor.patientId,
          entity: `MedicationRequest/${requestId}`,
          interaction: "dispense",
          outcome: "success",
          detail: { dispense: dispense.id ?? null, quantity, unit: line.unit, medication: line.medication, prescription: actor.prescriptionId },
        });
        if (quantity === line.remainingQuantity) await scope.setStatus("MedicationRequest", requestId, "completed", "dispense");
      }
      const completed = prescription.lines.every((line) => line.status !== "active" || input.quantities[line.requestId] === line.remainingQuantity);
      if (completed) {
        await markLinksDispensed(scope.tx, actor.patientId, actor.prescriptionId, now);
        await notify(inPrisma(scope.tx), { patientId: actor.patientId, kind: "link-dispensed", dedupeKey: `link-dispensed:${actor.prescriptionId}` });
      } else {
        // Something is left to hand over, but medicine left the pharmacy: the patient is told of
        // each dispensation recorded (its event id: a form posted twice records, and tells, once).
        await notify(inPrisma(scope.tx), { patientId: actor.patientId, kind: "link-partly-dispensed", dedupeKey: `link-partly-dispensed:${eventId}` });
      }
      return { kind: "recorded", completed };
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}
