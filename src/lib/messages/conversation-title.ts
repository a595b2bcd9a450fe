import { t } from "@/lib/i18n/messages";
import { wordsWithin } from "@/lib/text/words-within";

/**
 * What a conversation is called in the lists, on its page and in the browser's tab: its subject;
 * without one, the start of its opening message, quoted. Every conversation started without a
 * subject was « Sans objet »: a patient who wrote three times to her doctor had three identical
 * links, told apart only by their dates, and a screen reader's list of links read « Sans objet »
 * three times. « Sans objet » stays for a conversation with nothing left to quote (its messages
 * withdrawn, their text erased).
 */
export const OPENING_MAX_CHARACTERS = 60;

/** The opening message's first words: spaces and line breaks as one space, cut at a word when it is long. */
export function openingWords(text: string | undefined): string | undefined {
  const flat = (text ?? "").replace(/\s+/gu, " ").trim();
  if (flat === "") return undefined;
  const { words, cut } = wordsWithin(flat, OPENING_MAX_CHARACTERS);
  return cut ? `${words.replace(/[\s,;:.!?-]+$/u, "")}…` : words;
}

/** `opening`: the text of the conversation's first message still there (not withdrawn). */
export type ConversationNaming = { subject?: string; opening?: string };

export function conversationTitle({ subject, opening }: ConversationNaming): string {
  if (subject && subject.trim() !== "") return subject;
  const words = openingWords(opening);
  return words ? t("messaging.opening", { words }) : t("messaging.noSubject");
}
