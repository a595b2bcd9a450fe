import "@/server/server-only";
import type { QuestionnaireResponse } from "@medplum/fhirtypes";
import { patientIdentity } from "../../documents/patient-identity";
import type { RequestScope } from "../../documents/request-scope";
import { orUndefined } from "../../pages/or-undefined";
import { readsRecordWithoutPrevention } from "../prevention-refusal";
import { bilanAnswersOf, type BilanAnswers } from "./bilan-answers";

/**
 * One filled questionnaire of "Mon bilan prévention", for its page in the compartment it is shown
 * in (the person's space, or a patient's prevention tab for a professional): one read through the
 * repository, so decide() refuses a kept one (labelled V) to anyone but the person and the read is
 * audited in her history. Undefined, the page's 404, for what the actor may not read, what does not
 * exist, and a questionnaire of another patient than the one the page is about.
 */
export async function bilanAnswersPageData({ repo }: RequestScope, id: string, compartment: string | undefined): Promise<BilanAnswers | undefined> {
  if (!compartment) return undefined;
  const response = await orUndefined(repo.read<QuestionnaireResponse>("QuestionnaireResponse", id));
  return response?.subject?.reference === `Patient/${compartment}` ? bilanAnswersOf(response) : undefined;
}

/**
 * The same for a professional, only on the ground the prevention tab is shown on: a professional
 * let in by an emergency access alone gets no prevention (prevention-ground.ts), so no
 * questionnaire either, and nothing is read in her record for it. One she does not let in at all
 * is refused by the read itself, whose denied row her history keeps.
 */
export async function proBilanAnswersPageData(scope: RequestScope, id: string, patientId: string): Promise<{ answers: BilanAnswers; name: string } | undefined> {
  if (scope.actor.kind !== "practitioner" || (await readsRecordWithoutPrevention(scope.repo, patientId))) return undefined;
  const answers = await bilanAnswersPageData(scope, id, patientId);
  // Whose it is, in the heading and the browser's tab, as the record's other pages say: read
  // (and audited) only once the questionnaire was, so a refusal reads nothing more of her.
  const identity = answers ? await patientIdentity(scope.repo, patientId) : undefined;
  return answers && identity ? { answers, name: identity.name } : undefined;
}
