import { z } from "zod";
import { isDay } from "@/lib/dates/paris-day";
import { MEASURES } from "@/server/children/growth-measures";
import type { GrowthNotice } from "@/server/children/growth-notices";

/**
 * The growth form as posted: a day and up to three numbers, written the French way or not
 * ("18,5" or "18.5"). Each field has its own French message (growth-notices.ts); the bounds come
 * from growth-measures.ts. Empty fields are absent; at least one measure is required.
 */
const decimal = (measure: "weight" | "height" | "ofc", notice: GrowthNotice) =>
  z
    .string(notice)
    .trim()
    .max(12, notice)
    .regex(/^\d{1,3}(?:[.,]\d{1,3})?$/, notice)
    .transform((text) => Number(text.replace(",", ".")))
    .refine((value) => value >= MEASURES[measure].min && value <= MEASURES[measure].max, notice)
    .optional();

export const growthForm = z
  .object({
    date: z.string("date").refine(isDay, "date"),
    poids: decimal("weight", "poids"),
    taille: decimal("height", "taille"),
    perimetre: decimal("ofc", "perimetre"),
  })
  .refine((form) => form.poids !== undefined || form.taille !== undefined || form.perimetre !== undefined, "vide");

export type GrowthForm = z.infer<typeof growthForm>;
export const GROWTH_FIELDS = ["date", "poids", "taille", "perimetre"] as const;

/** The notice for a refused form: the first field's message (they are GrowthNotice codes). */
export function noticeOfIssues(error: z.ZodError): GrowthNotice {
  const message = error.issues[0]?.message;
  const known: readonly string[] = ["vide", "date", "poids", "taille", "perimetre"];
  return message && known.includes(message) ? (message as GrowthNotice) : "echec";
}
