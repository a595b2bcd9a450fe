import "@/server/server-only";
import type { Immunization } from "@medplum/fhirtypes";
import type { PreventionNotice } from "@/lib/prevention/forms";
import { spaceOf } from "../access/actor";
import { reachesPart } from "../delegations/space-parts";
import type { RequestScope } from "../documents/request-scope";
import { todayInParis } from "./days";
import { countsAsGiven } from "./extract-facts";
import { loadPreventionRecord } from "./load-prevention-record";
import { preventionNotice } from "./prevention-notice";
import { VACCINE_PRODUCTS } from "./vaccine-products";

export type VaccinationRecordPageData = {
  /** Every dose given (countsAsGiven) of the space's record the actor may see. */
  immunizations: Immunization[];
  /** The caregiver's delegation does not reach the vaccinations: none is read, and the page says why none shows. */
  recordOutOfReach: boolean;
  /** Today, in Paris: the form's default date and its latest. */
  today: string;
  /** Adding a vaccination: the person or a parent. */
  canWrite: boolean;
  /** A parent, in their child's space: the link to the child's growth and certificates. */
  guardian: boolean;
  /** The vaccines the form offers. */
  products: { id: string; name: string; disease: string }[];
  notice: PreventionNotice | null;
};

/**
 * The vaccination record of the space the session acts in (issue 14): every Immunization the
 * actor may see, read through the one door, and what the form to add one (declared) needs.
 */
export async function vaccinationRecordPageData({ actor, repo }: RequestScope, message: string | string[] | undefined): Promise<VaccinationRecordPageData> {
  const patientId = spaceOf(actor);
  if (!patientId) throw new Error("Aucun espace patient");
  const recordOutOfReach = !(await reachesPart(repo, "record"));
  // The doses given, as the calendar counts them: a dose recorded as not done (refused, contraindicated)
  // or entered in error was listed with its date and lot as if given.
  const immunizations = recordOutOfReach ? [] : (await loadPreventionRecord(repo, patientId)).immunizations.filter(countsAsGiven);
  return {
    immunizations,
    recordOutOfReach,
    today: todayInParis(repo.now()),
    canWrite: actor.kind === "patient" || actor.kind === "guardian",
    guardian: actor.kind === "guardian",
    products: VACCINE_PRODUCTS.map(({ id, name, disease }) => ({ id, name, disease })),
    notice: preventionNotice(message),
  };
}
