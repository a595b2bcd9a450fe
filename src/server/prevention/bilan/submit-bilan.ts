import "@/server/server-only";
import type { Patient, QuestionnaireResponse } from "@medplum/fhirtypes";
import { SYSTEMS } from "@/lib/fhir/systems";
import { agentRef } from "../../access/actor";
import { invalid } from "../../fhir/errors";
import type { Repository } from "../../fhir/repository";
import { todayInParis } from "../days";
import { bilanBandOf } from "./band-of";
import { questionnaireUrl, questionsOf, type BilanBand } from "./questionnaires";

export type BilanAnswers = Record<string, string>;

/**
 * Stores the person's self-questionnaire of "Mon bilan prévention" in their record, as a
 * QuestionnaireResponse, through the repository (decided and audited like any write). Shared
 * with the professionals the person authorised only if they said so: otherwise it is labelled
 * secret (V), which decide() keeps to the person alone. Only the band the person is in today can
 * be answered; answers outside a question's choices were refused by the form's schema already.
 */
export async function submitBilan(repo: Repository, patientId: string, answers: BilanAnswers, share: boolean): Promise<QuestionnaireResponse> {
  const patient = await repo.read<Patient>("Patient", patientId);
  const band: BilanBand | undefined = patient.birthDate ? bilanBandOf(patient.birthDate, todayInParis(repo.now())) : undefined;
  if (!band) throw invalid("bilan: hors tranche d'âge");
  const items = questionsOf(band).flatMap((question) => {
    const answer = answers[question.linkId]?.trim();
    return answer ? [{ linkId: question.linkId, text: question.text, answer: [{ valueString: answer }] }] : [];
  });
  if (items.length === 0) throw invalid("bilan: aucune réponse");
  const response: QuestionnaireResponse = {
    resourceType: "QuestionnaireResponse",
    meta: share ? undefined : { security: [{ system: SYSTEMS.confidentiality, code: "V" }] },
    questionnaire: questionnaireUrl(band),
    status: "completed",
    subject: { reference: `Patient/${patientId}` },
    authored: repo.now().toISOString(),
    author: { reference: agentRef(repo.actor) },
    item: items,
  };
  return repo.create(response);
}
