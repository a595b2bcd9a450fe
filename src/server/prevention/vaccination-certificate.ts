import "@/server/server-only";
import type { Immunization, Patient } from "@medplum/fhirtypes";
import { spaceOf } from "../access/actor";
import { reachesPart } from "../delegations/space-parts";
import type { RequestScope } from "../documents/request-scope";
import { todayInParis, type Day } from "./days";
import { countsAsGiven } from "./extract-facts";
import { loadPreventionRecord } from "./load-prevention-record";

/** What a certificate of vaccination states: whose, the day it is issued, the doses given. */
export type VaccinationCertificate = { patient: Patient; issued: Day; immunizations: Immunization[] };

/**
 * The vaccinations of the space the session acts in, read through the one door (decided and
 * audited as any read of the record), for the printable page and its PDF alike. A caregiver
 * whose delegation does not reach the record gets `outOfReach`, so the page can say why;
 * a session acting in no patient's space (a professional), undefined.
 */
export async function vaccinationCertificate({ actor, repo }: RequestScope): Promise<VaccinationCertificate | { outOfReach: "record" } | undefined> {
  const patientId = actor.kind === "patient" || actor.kind === "guardian" || actor.kind === "delegate" ? spaceOf(actor) : undefined;
  if (!patientId) return undefined;
  if (!(await reachesPart(repo, "record"))) return { outOfReach: "record" };
  const record = await loadPreventionRecord(repo, patientId);
  return {
    patient: record.patient,
    issued: todayInParis(repo.now()),
    // A certificate lists what was given: not a dose recorded as not done, in error or subpotent.
    immunizations: record.immunizations.filter(countsAsGiven),
  };
}
