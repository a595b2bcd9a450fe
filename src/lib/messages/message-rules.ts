/**
 * The rules of a message's text and of its withdrawal, shared by the forms (zod), the
 * repository (whatever the door) and the pages. Plain text only: it is stored as typed and
 * always rendered as text, never as markup.
 */
export const MESSAGE_MAX_LENGTH = 5000;
export const SUBJECT_MAX_LENGTH = 120;
/**
 * The parts a message may carry besides its text: the pages attach two at most (a document of the
 * record and a file sent with it). Each is read and decided on before the message is written, and
 * the FHIR API took a message with 10,000 references to one document: 11 s of the server's work
 * for one request, thirty an hour, and as many attachments on the professional's page (found by
 * an attack round on the running portal).
 */
export const MESSAGE_MAX_ATTACHMENTS = 10;
/**
 * Whether a subject is one: one line of at most SUBJECT_MAX_LENGTH characters, no control
 * character at all (line breaks included). The form's schema and the repository ask the same:
 * the FHIR API stored a subject of 120,000 characters on 30,000 lines, shown as the title of the
 * professional's conversation and in his inbox (found by the attack round).
 */
export function isMessageSubject(text: string): boolean {
  return text.length <= SUBJECT_MAX_LENGTH && !/[\u0000-\u001f\u007f]/.test(text);
}

/** The sender may withdraw a message for five minutes after sending it, not after. */
export const WITHDRAW_WINDOW_MS = 5 * 60 * 1000;

/** The subject offered to a professional sending a prevention plan after a check-up. */
export const PREVENTION_PLAN_SUBJECT = "Plan de prévention";

/**
 * Whether a text shows anything: trimming removes spaces, not the characters that print nothing
 * (zero-width spaces, word joiners, Hangul fillers, direction marks), so a message made only of
 * them would reach the professional, and notify them, as an empty bubble.
 */
export function hasVisibleText(text: string): boolean {
  return /[^\p{White_Space}\p{Default_Ignorable_Code_Point}]/u.test(text);
}

export function mayStillWithdraw(sent: string | undefined, now: Date): boolean {
  const at = sent ? Date.parse(sent) : Number.NaN;
  return Number.isFinite(at) && now.getTime() - at <= WITHDRAW_WINDOW_MS && now.getTime() >= at - 60_000;
}
