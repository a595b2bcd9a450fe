import { t, type MessageKey } from "@/lib/i18n/messages";
import type { ChoiceAuthor, ChoiceEvent } from "@/server/privacy/choice-history";

/**
 * One line of the history of the sharing choices, said from who made the change, as its version
 * records it: « Vous avez autorisé Dr Petit » to whoever made it (the patient, or her caregiver
 * reading the person's history), « Dr Petit a été autorisé·e par Léa Martin » to anyone else,
 * and without a name when the version does not say (then it is not « vous » either: before it
 * was recorded, the change may have been a caregiver's).
 */
export function choiceLine(kind: ChoiceEvent["kind"], by: ChoiceAuthor, professional: string): string {
  const key = `sharingHistory.${kind}` as const;
  if (by.who === "reader") return t(`${key}.byReader` as MessageKey, { name: professional });
  const done = t(`${key}.done` as MessageKey, { name: professional });
  return by.who === "other" ? t("sharingHistory.byOther", { done, author: by.name }) : done;
}
