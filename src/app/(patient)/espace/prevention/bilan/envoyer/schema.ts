import { z } from "zod";
import { FREE_TEXT_MAX, questionsOf, type BilanBand } from "@/server/prevention/bilan/questionnaires";

/**
 * The questionnaire's form for a band: each choice question answered with one of its choices or
 * left blank, the free question plain text (no control characters) within FREE_TEXT_MAX, and the
 * sharing box. Built from the band's questions, so the form and the check cannot drift apart.
 */
export function bilanSchema(band: BilanBand) {
  const shape: Record<string, z.ZodType<string | undefined>> = {};
  for (const question of questionsOf(band)) {
    shape[question.linkId] =
      "options" in question
        ? z.enum(question.options as [string, ...string[]]).optional()
        : z
            .string()
            .max(FREE_TEXT_MAX)
            .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/)
            .optional();
  }
  return z.object({ ...shape, partage: z.literal("oui").optional() });
}
