import type { MedicationDispense, MedicationRequest, Resource } from "@medplum/fhirtypes";
import { createHash } from "node:crypto";
import { validityEndMsOf, validityStartMsOf } from "@/lib/prescriptions/validity";
import { idOfReference } from "@/lib/fhir/reference-id";
import type { Day } from "@/lib/dates/paris-day";
import { SYSTEMS } from "@/lib/fhir/systems";
import { dispensableAtOnce, isContraceptive, lineValidityNotice, renewalsLeft, withinValidity } from "./dispensing-rules";

/**
 * A prescription as the pages show it, assembled from FHIR: its lines are the
 * MedicationRequests sharing a groupIdentifier, what was handed over are MedicationDispenses
 * pointing at those lines. Pure, so the quantities, renewals and states are unit-tested.
 *
 * Quantities: a line's dispenseRequest.quantity is what one dispensation hands over, and
 * numberOfRepeatsAllowed the renewals after the first; everything the prescription allows is
 * quantity × (1 + renewals). Validity: see validityEndMsOf (a plain date is a Paris day, included).
 */
export type PrescriptionState = "active" | "dispensed" | "expired" | "cancelled";

export type PrescriptionLine = {
  requestId: string;
  medication: string;
  dosage: string[];
  /** What one dispensation hands over. */
  quantityPerFill: number;
  unit: string;
  renewalsAllowed: number;
  /** Everything the line allows: quantityPerFill × (1 + renewalsAllowed). */
  totalQuantity: number;
  dispensedQuantity: number;
  remainingQuantity: number;
  /** The most one dispensation may hand over now (dispensableAtOnce): 0 outside the line's own validity (withinValidity, dispensing-rules.ts). */
  dispensableNow: number;
  /**
   * The Paris day this line can first be handed over, while that day is still to come (a
   * prescriber may write a line to be dispensed later): its table said nothing, and the
   * patient read the line as ready while the pharmacist's form left it out.
   */
  startsOn?: Day;
  /** The last day of this line's own validity, once past while something is left to hand over (it can end before its prescription's). */
  endedOn?: Day;
  renewalsLeft: number;
  status: string;
  /** The version the line was read at (the dispensation form is checked against it). */
  versionId: string;
};

export type Dispensation = {
  id: string;
  requestId: string;
  medication: string;
  quantity: number;
  unit: string;
  when?: string;
  /** The pharmacy's name as it said it, or the reference of a known pharmacy. */
  pharmacy?: string;
  pharmacyRef?: string;
  partial: boolean;
};

export type Prescription = {
  id: string;
  patientId: string;
  prescriberRef?: string;
  authoredOn?: string;
  /** The last instant it can be dispensed (ISO): 23:59:59.999 Paris time on its last day. */
  validUntil?: string;
  /** That instant is past (« Était valable jusqu'au »), whatever the state: a dispensed one may still be within it. */
  validityOver: boolean;
  lines: PrescriptionLine[];
  /** Newest first (those with no date last): lastDispensation reads the latest off the front. */
  dispensations: Dispensation[];
  state: PrescriptionState;
  note?: string;
};

const CLOSED = new Set(["cancelled", "stopped", "entered-in-error"]);

export function prescriptionIdOf(request: MedicationRequest): string | undefined {
  return request.groupIdentifier?.value;
}

export function requestIdOf(dispense: MedicationDispense): string | undefined {
  return idOfReference(dispense.authorizingPrescription?.[0]?.reference, "MedicationRequest");
}

function medicationName(resource: MedicationRequest | MedicationDispense): string {
  const concept = resource.medicationCodeableConcept;
  return concept?.text ?? concept?.coding?.[0]?.display ?? concept?.coding?.[0]?.code ?? "";
}

function toLine(request: MedicationRequest, dispensed: number, now: Date): PrescriptionLine {
  const perFill = Math.max(0, request.dispenseRequest?.quantity?.value ?? 1);
  const renewals = Math.max(0, request.dispenseRequest?.numberOfRepeatsAllowed ?? 0);
  const total = perFill * (1 + renewals);
  const active = request.status === "active";
  const remaining = active ? Math.max(0, total - dispensed) : 0;
  // The line's own validity, read once for what may go now and for what the page says of it.
  const start = validityStartMsOf(request);
  const end = validityEndMsOf(request);
  const notice = lineValidityNotice(start, end, remaining, now);
  return {
    requestId: request.id ?? "",
    medication: medicationName(request),
    dosage: (request.dosageInstruction ?? []).map((d) => d.text ?? "").filter(Boolean),
    quantityPerFill: perFill,
    unit: request.dispenseRequest?.quantity?.unit ?? "",
    renewalsAllowed: renewals,
    totalQuantity: total,
    dispensedQuantity: dispensed,
    remainingQuantity: remaining,
    dispensableNow: active && withinValidity(start, end, now) ? dispensableAtOnce(perFill, total, dispensed, isContraceptive(request)) : 0,
    // Both members always, undefined when not said: one shape for every line (the pages' props drop undefined).
    startsOn: notice.startsOn,
    endedOn: notice.endedOn,
    renewalsLeft: active ? renewalsLeft(perFill, renewals, dispensed) : 0,
    status: request.status,
    versionId: request.meta?.versionId ?? "",
  };
}

/**
 * The latest dispensation, of the whole prescription or of one of its lines, with its date: the
 * first of the list, which assemblePrescription keeps newest first. The past prescriptions' list
 * (« Dernière délivrance ») and the pharmacist's form (« Dernière délivrance de ce médicament »)
 * each searched for it their own way.
 */
export function lastDispensation(dispensations: readonly Dispensation[], requestId?: string): (Dispensation & { when: string }) | undefined {
  return dispensations.find((d): d is Dispensation & { when: string } => d.when !== undefined && (requestId === undefined || d.requestId === requestId));
}

function toDispensation(dispense: MedicationDispense): Dispensation {
  const actor = dispense.performer?.[0]?.actor;
  const type = dispense.type?.coding?.[0]?.code ?? "";
  return {
    id: dispense.id ?? "",
    requestId: requestIdOf(dispense) ?? "",
    medication: medicationName(dispense),
    quantity: dispense.quantity?.value ?? 0,
    unit: dispense.quantity?.unit ?? "",
    when: dispense.whenHandedOver,
    pharmacy: actor?.display,
    pharmacyRef: actor?.reference,
    partial: type.endsWith("P"),
  };
}

function stateOf(lines: PrescriptionLine[], validUntilMs: number | undefined, now: Date): PrescriptionState {
  if (lines.every((line) => CLOSED.has(line.status))) return "cancelled";
  const open = lines.filter((line) => line.status === "active" && line.remainingQuantity > 0);
  if (open.length === 0) return "dispensed";
  if (validUntilMs !== undefined && now.getTime() > validUntilMs) return "expired";
  return "active";
}

/**
 * What was handed over per line: the quantities of its completed dispensations. A quantity that
 * is not a finite number counts for nothing, as it did when PostgreSQL summed them.
 */
export function dispensedByRequest(dispenses: MedicationDispense[]): Map<string, number> {
  const byRequest = new Map<string, number>();
  for (const dispense of dispenses) {
    const requestId = requestIdOf(dispense);
    if (!requestId || dispense.status !== "completed") continue;
    const quantity: unknown = dispense.quantity?.value;
    byRequest.set(requestId, (byRequest.get(requestId) ?? 0) + (typeof quantity === "number" && Number.isFinite(quantity) ? quantity : 0));
  }
  return byRequest;
}

/** A line's place in its prescription as written (SYSTEMS.prescriptionLinePosition), if it carries one. */
export function linePositionOf(request: MedicationRequest): number | undefined {
  const value = request.extension?.find((e) => e.url === SYSTEMS.prescriptionLinePosition)?.valuePositiveInt;
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/**
 * The lines in the order the prescriber wrote them, on the pages, the PDF and the pharmacist's
 * page alike: by their position; a line without one (written by a client that does not set it,
 * or before it was written) after those that have one. Ties (two lines given one place, or
 * neither having one) by id, so the order is the same on every read. They were ordered by id
 * alone, random UUIDs: the prescriber's order was lost.
 */
export function byWrittenOrder(a: MedicationRequest, b: MedicationRequest): number {
  const pa = linePositionOf(a) ?? Number.POSITIVE_INFINITY;
  const pb = linePositionOf(b) ?? Number.POSITIVE_INFINITY;
  if (pa !== pb) return pa < pb ? -1 : 1;
  const ia = a.id ?? "";
  const ib = b.id ?? "";
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

/**
 * One prescription from its lines and dispensations (all of the same group). `dispensed`: what
 * was handed over per line, when already summed (assemblePrescriptions sums once for them all).
 */
export function assemblePrescription(
  id: string,
  requests: MedicationRequest[],
  dispenses: MedicationDispense[],
  now: Date,
  dispensed: ReadonlyMap<string, number> = dispensedByRequest(dispenses),
): Prescription | undefined {
  const first = requests[0];
  if (!first) return undefined;
  const byRequest = dispensed;
  const lines = [...requests].sort(byWrittenOrder).map((request) => toLine(request, byRequest.get(request.id ?? "") ?? 0, now));
  const ends = requests.map(validityEndMsOf).filter((end): end is number => end !== undefined);
  // The instant kept as a number for the comparisons below: parsing the ISO string back, twice,
  // was most of this function's own time on the prescriptions page, thirty prescriptions a view (issue 16).
  const endMs = ends.length > 0 ? Math.max(...ends) : undefined;
  const validUntil = endMs !== undefined ? new Date(endMs).toISOString() : undefined;
  const ids = new Set(requests.map((r) => r.id));
  return {
    id,
    patientId: idOfReference(first.subject?.reference, "Patient") ?? "",
    prescriberRef: first.requester?.reference,
    authoredOn: first.authoredOn,
    validUntil,
    validityOver: endMs !== undefined && now.getTime() > endMs,
    lines,
    dispensations: dispenses
      .filter((d) => ids.has(requestIdOf(d)))
      .map(toDispensation)
      .sort((a, b) => (b.when ?? "").localeCompare(a.when ?? "")),
    state: stateOf(lines, endMs, now),
    note: first.note?.map((n) => n.text).filter(Boolean).join("\n") || undefined,
  };
}

/** Every prescription of a patient, active ones first, then the others; newest first within each. */
export function assemblePrescriptions(
  requests: MedicationRequest[],
  dispenses: MedicationDispense[],
  now: Date,
): Prescription[] {
  const dispensed = dispensedByRequest(dispenses);
  const groups = new Map<string, MedicationRequest[]>();
  for (const request of requests) {
    const id = prescriptionIdOf(request);
    if (!id) continue;
    groups.set(id, [...(groups.get(id) ?? []), request]);
  }
  const requestGroup = new Map(requests.map((r) => [r.id, prescriptionIdOf(r)]));
  const dispensesOf = new Map<string, MedicationDispense[]>();
  for (const dispense of dispenses) {
    const group = requestGroup.get(requestIdOf(dispense));
    if (group) dispensesOf.set(group, [...(dispensesOf.get(group) ?? []), dispense]);
  }
  const prescriptions = [...groups.entries()]
    .map(([id, lines]) => assemblePrescription(id, lines, dispensesOf.get(id) ?? [], now, dispensed))
    .filter((p): p is Prescription => !!p);
  return prescriptions.sort((a, b) => {
    const rank = (p: Prescription) => (p.state === "active" ? 0 : 1);
    return rank(a) - rank(b) || (b.authoredOn ?? "").localeCompare(a.authoredOn ?? "");
  });
}

/**
 * The state of a prescription as a dispensation form saw it: its lines and dispensations with
 * their versions. A form recorded against another state (someone dispensed meanwhile) is refused.
 */
export function stateFingerprint(resources: Pick<Resource, "id" | "meta">[]): string {
  const parts = resources.map((r) => `${r.id}:${r.meta?.versionId ?? ""}`).sort();
  return createHash("sha256").update(parts.join("\n")).digest("base64url").slice(0, 22);
}
