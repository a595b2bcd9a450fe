/**
 * The start of `text` within `max` characters (code points: an emoji or a letter written in two
 * parts is never cut in half), cut between words: at the last space when the limit falls inside a
 * word, unless that would lose more than half, when the word is cut (a long address, a number
 * written without spaces). The text itself when it fits. Shared by a conversation's opening words
 * (messages/conversation-title.ts) and the file names made from titles (safe-file-name.ts).
 */
export function wordsWithin(text: string, max: number): { words: string; cut: boolean } {
  const characters = Array.from(text);
  if (characters.length <= max) return { words: text, cut: false };
  const head = characters.slice(0, max).join("");
  // A space right after the limit: the head ends on a whole word.
  if (characters[max] === " ") return { words: head, cut: true };
  const lastSpace = head.lastIndexOf(" ");
  return { words: lastSpace >= head.length / 2 ? head.slice(0, lastSpace) : head, cut: true };
}
