import type { QuestionnaireResponse } from "@medplum/fhirtypes";

/** A questionnaire already filled in, as the lists show it (the person's bilan page, the professional's prevention tab). */
export type FilledBilan = {
  id: string;
  /** When it was filled in (ISO), if recorded. */
  authored: string | null;
  /** Kept to the person (labelled V), or shared with the professionals they authorised. */
  onlyMe: boolean;
  answers: number;
};

export function filledBilanOf(response: QuestionnaireResponse): FilledBilan {
  return {
    id: response.id ?? "",
    authored: response.authored ?? null,
    onlyMe: response.meta?.security?.some((label) => label.code === "V") ?? false,
    answers: response.item?.length ?? 0,
  };
}
