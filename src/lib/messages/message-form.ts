import { z } from "zod";
import { hasVisibleText, isMessageSubject, MESSAGE_MAX_LENGTH } from "./message-rules";

/**
 * The fields of the messaging forms. Text is plain text, kept as typed (it is always rendered
 * as text); only its length is bounded, after trimming, and control characters other than line
 * breaks and tabs are refused so that nothing invisible travels in a message, and so is a text
 * of nothing but invisible characters (hasVisibleText). A subject is one
 * line: no line breaks at all.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const optionalId = z.union([z.literal(""), z.uuid()]).optional().transform((value) => value || undefined);

export const messageText = z
  .string()
  .transform((value) => value.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, "texte")
      .max(MESSAGE_MAX_LENGTH, "texte")
      .refine((value) => !CONTROL.test(value), "texte")
      .refine(hasVisibleText, "texte"),
  );

export const messageSubject = z
  .string()
  .optional()
  .transform((value) => (value ?? "").trim())
  .pipe(z.string().refine(isMessageSubject, "sujet"))
  .transform((value) => value || undefined);

export const messageFormSchema = z.object({
  conversation: optionalId,
  destinataire: optionalId,
  patient: optionalId,
  sujet: messageSubject,
  modele: z.enum(["", "plan-prevention"]).optional(),
  texte: messageText,
  document: optionalId,
});

export type MessageForm = z.infer<typeof messageFormSchema>;

/** The notice for a form that did not parse: which field was wrong. */
export function noticeOfInvalid(error: z.ZodError): "texte" | "sujet" | "echec" {
  const field = error.issues[0]?.path[0];
  return field === "texte" ? "texte" : field === "sujet" ? "sujet" : "echec";
}
