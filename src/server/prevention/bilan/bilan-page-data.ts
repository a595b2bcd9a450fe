import "@/server/server-only";
import type { QuestionnaireResponse } from "@medplum/fhirtypes";
import type { PreventionNotice } from "@/lib/prevention/forms";
import { spaceOf } from "../../access/actor";
import { readSpacePatient } from "../../delegations/space-patient-name";
import { reachesPart } from "../../delegations/space-parts";
import type { RequestScope } from "../../documents/request-scope";
import { todayInParis } from "../days";
import { preventionNotice } from "../prevention-notice";
import { bilanBandOf } from "./band-of";
import { filledBilanOf, type FilledBilan } from "./filled-bilan";
import { BILAN_SOURCE, questionsOf, type BilanBand, type BilanQuestion } from "./questionnaires";

export type BilanPageData = {
  /** The age band the person is in today, or none: no questionnaire to offer. */
  band: BilanBand | null;
  questions: readonly BilanQuestion[];
  /** Filling it in: the person or a parent. */
  canWrite: boolean;
  /** The last ten, newest first. */
  previous: FilledBilan[];
  /**
   * A caregiver whose delegation does not reach the record, where the questionnaires are kept:
   * the page says so, rather than « Aucun pour le moment » of questionnaires it did not read.
   */
  recordOutOfReach: boolean;
  source: { document: string; edition: string; url: string };
  notice: PreventionNotice | null;
};

/**
 * "Mon bilan prévention" (issue 14) of the space the session acts in: the questionnaire of the
 * person's age band today, and the questionnaires already filled in, read through the one door.
 */
export async function bilanPageData({ actor, repo }: RequestScope, message: string | string[] | undefined): Promise<BilanPageData> {
  const patientId = spaceOf(actor);
  if (!patientId) throw new Error("Aucun espace patient");
  // The banner's read of the person, shared (space-patient-name.ts): one look in their history.
  const [patient, recordOutOfReach] = await Promise.all([readSpacePatient(repo, patientId), reachesPart(repo, "record").then((reached) => !reached)]);
  const band = patient.birthDate ? bilanBandOf(patient.birthDate, todayInParis(repo.now())) : undefined;
  const previous = recordOutOfReach ? { resources: [] } : await repo.search<QuestionnaireResponse>("QuestionnaireResponse", { patientId, count: 10, sort: "-date" });
  return {
    band: band ?? null,
    questions: band ? questionsOf(band) : [],
    canWrite: actor.kind === "patient" || actor.kind === "guardian",
    previous: previous.resources.map(filledBilanOf),
    recordOutOfReach,
    source: { document: BILAN_SOURCE.document, edition: BILAN_SOURCE.edition, url: BILAN_SOURCE.url },
    notice: preventionNotice(message),
  };
}
