import type { QuestionnaireResponse, QuestionnaireResponseItem } from "@medplum/fhirtypes";
import { filledBilanOf, type FilledBilan } from "./filled-bilan";
import { bandOfQuestionnaire, questionsOf, type BilanBand } from "./questionnaires";

/** One question and the answer given, null where it was left blank. */
export type BilanAnswer = { linkId: string; question: string; answer: string | null };

/** A filled questionnaire as its page shows it: the list's line, the band, and every question with its answer. */
export type BilanAnswers = FilledBilan & { band: BilanBand | null; rows: BilanAnswer[] };

const answerOf = (item: QuestionnaireResponseItem | undefined): string | null =>
  item?.answer?.map((answer) => answer.valueString ?? answer.valueCoding?.display ?? "").filter(Boolean).join(", ") || null;

/**
 * The answers of a questionnaire of "Mon bilan prévention", each under its question's text as the
 * questionnaire the response names (band and edition, questionnaires.ts) words it. Every question
 * of that questionnaire is listed, in its order, a blank one too (« Sans réponse »): at the
 * check-up, what the person chose not to answer is part of what she brings, and a list of only
 * the answered ones would read as a different questionnaire. Answers to questions the edition
 * does not have (an older or unknown questionnaire) follow under the text stored with them.
 */
export function bilanAnswersOf(response: QuestionnaireResponse): BilanAnswers {
  const band = bandOfQuestionnaire(response.questionnaire);
  const items = new Map((response.item ?? []).map((item) => [item.linkId, item]));
  const asked = band ? questionsOf(band) : [];
  const known = new Set(asked.map((question) => question.linkId));
  const rows = [
    ...asked.map((question) => ({ linkId: question.linkId, question: question.text, answer: answerOf(items.get(question.linkId)) })),
    ...(response.item ?? []).filter((item) => !known.has(item.linkId)).map((item) => ({ linkId: item.linkId, question: item.text ?? item.linkId, answer: answerOf(item) })),
  ];
  return { ...filledBilanOf(response), band: band ?? null, rows };
}
