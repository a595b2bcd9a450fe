import { z } from "zod";
import { isDay } from "@/lib/dates/paris-day";
import { MEASURES } from "@/server/children/growth-measures";
import { isGrowthNotice, type GrowthNotice } from "@/server/children/growth-notices";

/**
 * The growth form as posted: a day and up to three numbers, written the French way or not
 * ("18,5" or "18.5"). Each field has its own French message (growth-notices.ts); the bounds come
 * from growth-measures.ts. Empty fields are absent; at least one measure is required.
 */
const decimal = (measure: "weight" | "height" | "ofc", field: "poids" | "taille" | "perimetre") =>
  z
    .string(`${field}-nombre`)
    .trim()
    .max(12, `${field}-nombre`)
    // Not a number as written (« 18 kg », « trente »), or a number out of bounds (« 1,40 » for a
    // height in centimetres): two refusals, each saying what is expected (fr-growth.ts).
    .regex(/^\d{1,3}(?:[.,]\d{1,3})?$/, `${field}-nombre`)
    .transform((text) => Number(text.replace(",", ".")))
    .refine((value) => value >= MEASURES[measure].min && value <= MEASURES[measure].max, field)
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
  return message && message !== "ajoute" && isGrowthNotice(message) ? message : "echec";
}
