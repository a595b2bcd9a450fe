import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { agentRef } from "../access/actor";
import { notFound } from "../fhir/errors";
import type { Repository } from "../fhir/repository";
import { isAfterToday } from "../prevention/days";
import { growthObservation } from "./growth-observation";
import { ageInYears, bodyMassIndex, MEASURES } from "./growth-measures";
import type { GrowthNotice } from "./growth-notices";
import { lmsAt, type GrowthMeasure } from "./growth-reference";
import { IMPLAUSIBLE_Z, zScore } from "./lms";
import { sexOf } from "./growth-points";
import { isChildSpace } from "./child-space";

export type GrowthInput = { date: string; weight?: number; height?: number; ofc?: number };

/**
 * Records growth measures in a person's record (a child's space, for their guardian): one
 * vital-signs Observation per measure, and the BMI computed when the weight and the height are
 * of the same day. All or nothing, in one transaction, each write decided and audited by the
 * repository; the patient is the space's (never the form's), the performer the session's person.
 * Refuses a day in the future or before the birth, and a value impossible at that age.
 */
export async function recordGrowthMeasure(repo: Repository, patientId: string, input: GrowthInput): Promise<GrowthNotice> {
  const patient = await repo.read<Patient>("Patient", patientId);
  // Only a child's space has a carnet: an adult's answers as if the form did not exist.
  if (!isChildSpace(repo.actor, patient, repo.now())) throw notFound();
  if (isAfterToday(input.date, repo.now())) return "futur";
  if (patient.birthDate && input.date < patient.birthDate) return "naissance";
  const values: [GrowthMeasure, number][] = [];
  if (input.weight !== undefined) values.push(["weight", input.weight]);
  if (input.height !== undefined) values.push(["height", input.height]);
  if (input.ofc !== undefined) values.push(["ofc", input.ofc]);
  if (input.weight !== undefined && input.height !== undefined) values.push(["bmi", bodyMassIndex(input.weight, input.height)]);
  const unlikely = values.find(([measure, value]) => implausible(patient, input.date, measure, value));
  // The value at fault is named, and its field marked (growth-notices.ts); the BMI is of two values.
  if (unlikely) return IMPLAUSIBLE_NOTICE[unlikely[0]];

  const performer = agentRef(repo.actor);
  await repo.transaction(async (scope) => {
    for (const [measure, value] of values) await scope.create(growthObservation(patientId, measure, value, input.date, performer));
  });
  return "ajoute";
}

const IMPLAUSIBLE_NOTICE = { weight: "poids-age", height: "taille-age", ofc: "perimetre-age", bmi: "invraisemblable" } as const satisfies Record<GrowthMeasure, GrowthNotice>;

function implausible(patient: Patient, day: string, measure: GrowthMeasure, value: number): boolean {
  const info = MEASURES[measure];
  if (value < info.min || value > info.max) return true;
  const sex = sexOf(patient);
  if (!sex || !patient.birthDate) return false;
  const lms = lmsAt(measure, sex, ageInYears(patient.birthDate, day));
  return lms !== undefined && Math.abs(zScore(value, lms)) > IMPLAUSIBLE_Z;
}
