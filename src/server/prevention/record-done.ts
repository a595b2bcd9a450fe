import "@/server/server-only";
import type { Coding, Immunization, Patient, Procedure } from "@medplum/fhirtypes";
import { unprocessable } from "../fhir/errors";
import type { Repository } from "../fhir/repository";
import { ATC_SYSTEM, codingForProcedure } from "./codes";
import { isAfterToday, isDay, type Day } from "./days";
import { CURRENT_CALENDAR } from "./evaluate-patient";
import { recordsOf } from "./evaluators/context";
import { PROCEDURE_LABELS } from "./evaluators/screening";
import { declaredProductOfKind, type VaccineProduct } from "./vaccine-products";
import { pregnancySecretLabels } from "./pregnancy-secret";
import type { PreventionItem, ProcedureKind } from "./types";

/**
 * "C'est fait": records what an item asks for, on the day the person gives, as declared by them
 * (Immunization.primarySource false, reportOrigin "recall"; a Procedure with the person as
 * recorder is not needed: the audit row says who wrote it). Through the repository, so decide()
 * rules on it (the person, a guardian; a delegate may not write the record) and it is audited.
 * The message stops because the engine now reads the dose or the test.
 */
const DECLARED = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/immunization-origin", code: "recall", display: "Parent/Guardian/Patient Recall" }], text: "Déclaré par le patient" };

export async function recordDone(repo: Repository, patientId: string, itemName: string, day: Day, recorded: PreventionItem["records"] | undefined = undefined): Promise<void> {
  const rule = CURRENT_CALENDAR.rules.find((r) => r.item === itemName);
  if (!rule) throw unprocessable("Élément de prévention inconnu.");
  const patient = await repo.read<Patient>("Patient", patientId);
  checkDay(patient, day, repo.now());
  const records = recorded ?? recordsOf(rule);
  if ("vaccine" in records) {
    const product = declaredProductOfKind(records.vaccine);
    if (!product) throw unprocessable("Vaccin inconnu.");
    // A dose given for a pregnancy she keeps from her parents is kept from them too.
    const labels = rule.kind === "pregnancy" ? await pregnancySecretLabels(repo, patient) : [];
    await repo.create(declaredImmunization(patientId, product, day, undefined, labels));
    return;
  }
  await repo.create(declaredProcedure(patientId, records.procedure, day));
}

export function declaredImmunization(patientId: string, product: VaccineProduct, day: Day, lot?: string, security: Coding[] = []): Immunization {
  return {
    resourceType: "Immunization",
    ...(security.length > 0 ? { meta: { security } } : {}),
    status: "completed",
    vaccineCode: { coding: [{ system: ATC_SYSTEM, code: product.atc, display: product.disease }], text: product.name ? `${product.name} (${product.disease})` : product.disease },
    patient: { reference: `Patient/${patientId}` },
    occurrenceDateTime: day,
    primarySource: false,
    reportOrigin: DECLARED,
    ...(lot ? { lotNumber: lot } : {}),
  };
}

function declaredProcedure(patientId: string, kind: ProcedureKind, day: Day): Procedure {
  const coding = codingForProcedure(kind);
  return {
    resourceType: "Procedure",
    status: "completed",
    code: { coding: [coding], text: PROCEDURE_LABELS[kind] },
    subject: { reference: `Patient/${patientId}` },
    performedDateTime: day,
    note: [{ text: "Déclaré par le patient dans son espace santé." }],
  };
}

/** A real day, not in the future (Paris), not before the birth. */
export function checkDay(patient: Patient, day: Day, now: Date) {
  if (!isDay(day)) throw unprocessable("La date doit être une date du calendrier (AAAA-MM-JJ).");
  if (isAfterToday(day, now)) throw unprocessable("La date ne peut pas être dans le futur.");
  if (patient.birthDate && day < patient.birthDate) throw unprocessable("La date ne peut pas précéder la naissance.");
}
