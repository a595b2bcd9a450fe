import "@/server/server-only";

/**
 * How every e-mail the portal sends opens and closes: « Bonjour, », its own fixed sentences,
 * and that no one reads the answers. One place, so that an e-mail written later reads like the
 * others: the account's security e-mails (tell-owner.ts) had neither, and signed otherwise.
 * No name in the greeting, on purpose: an e-mail names no one (outgoing-email.ts).
 */
export const GREETING = "Bonjour,";
export const AUTOMATIC_LINE = "Ce message est envoyé automatiquement, n'y répondez pas.";

/** The text of an e-mail from its lines ("" for a blank line between paragraphs). */
export function letter(lines: readonly string[]): string {
  return [GREETING, "", ...lines, "", AUTOMATIC_LINE].join("\n");
}
