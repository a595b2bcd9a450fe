import type { AllergyIntolerance, Condition, Immunization, Observation } from "@medplum/fhirtypes";
import { newId } from "./ids";

/** Builders of the clinical summary: vaccinations, conditions, allergies, measurements. */

export const SNOMED = "http://snomed.info/sct";
export const CIM10 = "http://hl7.org/fhir/sid/icd-10";
export const CVX = "http://hl7.org/fhir/sid/cvx";
export const UCUM = "http://unitsofmeasure.org";

const patient = (patientId: string) => ({ reference: `Patient/${patientId}` });

export type VaccineCode = { cvx: string; label: string };

/** Vaccines of the French schedule, with their CVX code and the name people know them by. */
export const VACCINES = {
  dtp: { cvx: "138", label: "Diphtérie, tétanos, poliomyélite (dTP)" },
  dtcap: { cvx: "130", label: "Diphtérie, tétanos, coqueluche, poliomyélite (DTCaP)" },
  hexavalent: { cvx: "146", label: "Hexavalent DTCaP-Hib-Hépatite B" },
  pneumo13: { cvx: "133", label: "Pneumocoque conjugué 13-valent" },
  pneumo20: { cvx: "216", label: "Pneumocoque conjugué 20-valent" },
  menC: { cvx: "103", label: "Méningocoque C conjugué" },
  ror: { cvx: "03", label: "Rougeole, oreillons, rubéole (ROR)" },
  flu: { cvx: "150", label: "Grippe saisonnière" },
  covid: { cvx: "208", label: "COVID-19 ARNm (Comirnaty)" },
  covidXbb: { cvx: "309", label: "COVID-19 ARNm adapté" },
  hpv: { cvx: "165", label: "Papillomavirus humain 9-valent" },
} as const satisfies Record<string, VaccineCode>;

export function anImmunization(input: {
  id?: string;
  patientId: string;
  vaccine?: VaccineCode;
  date?: string;
  lot?: string;
  doseNumber?: number;
  performerId?: string;
  /** Practitioner or Organization reference. */
  performer?: string;
  note?: string;
}): Immunization {
  const vaccine = input.vaccine ?? VACCINES.flu;
  return {
    resourceType: "Immunization",
    id: input.id ?? newId(),
    status: "completed",
    vaccineCode: { coding: [{ system: CVX, code: vaccine.cvx }], text: vaccine.label },
    patient: patient(input.patientId),
    occurrenceDateTime: input.date ?? new Date().toISOString(),
    primarySource: true,
    lotNumber: input.lot,
    performer: input.performer ? [{ actor: { reference: input.performer } }] : undefined,
    protocolApplied: input.doseNumber ? [{ doseNumberPositiveInt: input.doseNumber }] : undefined,
    note: input.note ? [{ text: input.note }] : undefined,
  };
}

export type ConditionCode = { snomed: string; display: string; cim10?: string; label: string };

export const CONDITIONS = {
  asthma: { snomed: "195967001", display: "Asthma", cim10: "J45.9", label: "Asthme" },
  diabetes2: { snomed: "44054006", display: "Diabetes mellitus type 2", cim10: "E11.9", label: "Diabète de type 2" },
  hypertension: { snomed: "38341003", display: "Hypertensive disorder", cim10: "I10", label: "Hypertension artérielle" },
  dyslipidaemia: { snomed: "370992007", display: "Dyslipidemia", cim10: "E78.5", label: "Dyslipidémie" },
  allergicRhinitis: { snomed: "61582004", display: "Allergic rhinitis", cim10: "J30.4", label: "Rhinite allergique" },
  migraine: { snomed: "37796009", display: "Migraine", cim10: "G43.9", label: "Migraine" },
  otitis: { snomed: "65363002", display: "Otitis media", cim10: "H66.9", label: "Otite moyenne aiguë" },
} as const satisfies Record<string, ConditionCode>;

export function aCondition(input: {
  id?: string;
  patientId: string;
  condition?: ConditionCode;
  onset?: string;
  recorded?: string;
  recorderId?: string;
  active?: boolean;
}): Condition {
  const condition = input.condition ?? CONDITIONS.asthma;
  const active = input.active ?? true;
  return {
    resourceType: "Condition",
    id: input.id ?? newId(),
    clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: active ? "active" : "resolved" }] },
    verificationStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-ver-status", code: "confirmed" }] },
    category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-category", code: "problem-list-item" }] }],
    code: {
      coding: [
        { system: SNOMED, code: condition.snomed, display: condition.display },
        ...(condition.cim10 ? [{ system: CIM10, code: condition.cim10 }] : []),
      ],
      text: condition.label,
    },
    subject: patient(input.patientId),
    onsetDateTime: input.onset,
    abatementDateTime: active ? undefined : input.recorded,
    recordedDate: input.recorded ?? input.onset,
    recorder: input.recorderId ? { reference: `Practitioner/${input.recorderId}` } : undefined,
  };
}

export function anAllergy(input: {
  id?: string;
  patientId: string;
  substance?: { snomed: string; display: string; label: string };
  reaction?: string;
  criticality?: AllergyIntolerance["criticality"];
  recorded?: string;
  recorderId?: string;
}): AllergyIntolerance {
  const substance = input.substance ?? { snomed: "764146007", display: "Penicillin", label: "Pénicillines" };
  return {
    resourceType: "AllergyIntolerance",
    id: input.id ?? newId(),
    clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", code: "active" }] },
    verificationStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", code: "confirmed" }] },
    type: "allergy",
    category: ["medication"],
    criticality: input.criticality ?? "high",
    code: { coding: [{ system: SNOMED, code: substance.snomed, display: substance.display }], text: substance.label },
    patient: patient(input.patientId),
    recordedDate: input.recorded,
    recorder: input.recorderId ? { reference: `Practitioner/${input.recorderId}` } : undefined,
    reaction: input.reaction
      ? [{ description: input.reaction, severity: "moderate", manifestation: [{ coding: [{ system: SNOMED, code: "126485001", display: "Urticaria" }], text: "Urticaire" }] }]
      : undefined,
  };
}

const category = (code: "laboratory" | "vital-signs") => [
  { coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code }] },
];

/** One measured value (HbA1c, weight…), LOINC coded. */
export function anObservation(input: {
  id?: string;
  patientId: string;
  loinc?: { code: string; display: string; label: string };
  value?: number;
  unit?: { code: string; display: string };
  date?: string;
  performer?: string;
  kind?: "laboratory" | "vital-signs";
  referenceRange?: { low?: number; high?: number };
}): Observation {
  const loinc = input.loinc ?? { code: "4548-4", display: "Hemoglobin A1c/Hemoglobin.total in Blood", label: "Hémoglobine glyquée (HbA1c)" };
  const unit = input.unit ?? { code: "%", display: "%" };
  const quantity = (value: number) => ({ value, unit: unit.display, system: UCUM, code: unit.code });
  const range = input.referenceRange;
  return {
    resourceType: "Observation",
    id: input.id ?? newId(),
    status: "final",
    category: category(input.kind ?? "laboratory"),
    code: { coding: [{ system: "http://loinc.org", code: loinc.code, display: loinc.display }], text: loinc.label },
    subject: patient(input.patientId),
    effectiveDateTime: input.date ?? new Date().toISOString(),
    performer: input.performer ? [{ reference: input.performer }] : undefined,
    valueQuantity: quantity(input.value ?? 6.8),
    referenceRange: range
      ? [{ low: range.low !== undefined ? quantity(range.low) : undefined, high: range.high !== undefined ? quantity(range.high) : undefined }]
      : undefined,
  };
}

/** A blood pressure reading (LOINC 85354-9 panel with systolic and diastolic components). */
export function aBloodPressure(input: { id?: string; patientId: string; systolic: number; diastolic: number; date?: string; performer?: string }): Observation {
  const mmHg = (value: number) => ({ value, unit: "mm[Hg]", system: UCUM, code: "mm[Hg]" });
  return {
    resourceType: "Observation",
    id: input.id ?? newId(),
    status: "final",
    category: category("vital-signs"),
    code: { coding: [{ system: "http://loinc.org", code: "85354-9", display: "Blood pressure panel with all children optional" }], text: "Pression artérielle" },
    subject: patient(input.patientId),
    effectiveDateTime: input.date ?? new Date().toISOString(),
    performer: input.performer ? [{ reference: input.performer }] : undefined,
    component: [
      { code: { coding: [{ system: "http://loinc.org", code: "8480-6", display: "Systolic blood pressure" }], text: "Systolique" }, valueQuantity: mmHg(input.systolic) },
      { code: { coding: [{ system: "http://loinc.org", code: "8462-4", display: "Diastolic blood pressure" }], text: "Diastolique" }, valueQuantity: mmHg(input.diastolic) },
    ],
  };
}
