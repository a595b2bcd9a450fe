import type { Condition, Immunization, Patient, Procedure, Resource } from "@medplum/fhirtypes";
import { isDay, parisDay, type Day } from "./days";
import { PROCEDURE_CODES, SNOMED_CONDITIONS, SNOMED_SYSTEM, vaccineKindOf } from "./codes";
import type { ConditionKind, PreventionFacts, ProcedureKind, Sex, VaccineKind } from "./types";

/** Why a record cannot be evaluated (the command prints it, the pages say it in French). */
export class FactsError extends Error {}

/**
 * The engine's facts from one person's FHIR resources: their Patient and their Condition,
 * Immunization and Procedure resources. Resources of another patient (a reference to a
 * different Patient id) are ignored; so are vaccinations not done, entered in error, refuted
 * or resolved conditions, subpotent doses, and codes the calendar does not know.
 */
export function extractFacts(patient: Patient, resources: readonly Resource[]): PreventionFacts {
  const birthDate = patient.birthDate;
  if (!birthDate) throw new FactsError("Le patient n'a pas de date de naissance (Patient.birthDate).");
  if (!isDay(birthDate)) throw new FactsError(`La date de naissance du patient doit être une date complète AAAA-MM-JJ (reçu « ${birthDate} »).`);
  const mine = (reference: string | undefined) => !reference || !reference.startsWith("Patient/") || !patient.id || reference === `Patient/${patient.id}`;
  const conditions = new Set<ConditionKind>();
  let pregnancyStart: Day | undefined;
  const immunizations: { kind: VaccineKind; date: Day }[] = [];
  const procedures: { kind: ProcedureKind; date: Day }[] = [];
  for (const resource of resources) {
    switch (resource.resourceType) {
      case "Condition": {
        if (!mine(resource.subject?.reference) || !isActive(resource)) break;
        for (const coding of resource.code?.coding ?? []) {
          const kind = coding.system === SNOMED_SYSTEM && coding.code ? SNOMED_CONDITIONS[coding.code] : undefined;
          if (!kind) continue;
          conditions.add(kind);
          if (kind === "pregnancy") {
            const onset = parisDay(resource.onsetDateTime ?? resource.onsetPeriod?.start);
            if (onset && (!pregnancyStart || onset > pregnancyStart)) pregnancyStart = onset;
          }
        }
        break;
      }
      case "Immunization": {
        if (!mine(resource.patient?.reference) || !countsAsGiven(resource)) break;
        const date = parisDay(resource.occurrenceDateTime);
        const kind = (resource.vaccineCode?.coding ?? []).map(vaccineKindOf).find((k) => k !== undefined);
        if (date && kind) immunizations.push({ kind, date });
        break;
      }
      case "Procedure": {
        if (!mine(resource.subject?.reference) || resource.status !== "completed") break;
        const date = parisDay(resource.performedDateTime ?? resource.performedPeriod?.end ?? resource.performedPeriod?.start);
        const kind = procedureKindOf(resource);
        if (date && kind) procedures.push({ kind, date });
        break;
      }
      default:
        break;
    }
  }
  return { birthDate, sex: sexOf(patient), conditions, pregnancyStart, immunizations, procedures };
}

export function sexOf(patient: Patient): Sex {
  return patient.gender === "female" || patient.gender === "male" || patient.gender === "other" ? patient.gender : "unknown";
}

export function isActive(condition: Condition): boolean {
  const verification = condition.verificationStatus?.coding?.[0]?.code;
  if (verification === "refuted" || verification === "entered-in-error") return false;
  const clinical = condition.clinicalStatus?.coding?.[0]?.code;
  if (clinical === undefined) return !condition.abatementDateTime && !condition.abatementPeriod;
  return clinical === "active" || clinical === "recurrence" || clinical === "relapse";
}

/**
 * A dose given, and in full: not one recorded as not done or entered in error, nor a subpotent
 * one (half a dose, a broken cold chain, FHIR's `isSubpotent`), which is to be given again; by
 * default a dose is potent. The carnet and the certificate list the same doses (their page data).
 */
export function countsAsGiven(immunization: Immunization): boolean {
  return immunization.status === "completed" && immunization.isSubpotent !== true;
}

function procedureKindOf(procedure: Procedure): ProcedureKind | undefined {
  for (const coding of procedure.code?.coding ?? []) {
    const kind = coding.system && coding.code ? PROCEDURE_CODES[coding.system]?.[coding.code] : undefined;
    if (kind) return kind;
  }
  return undefined;
}
