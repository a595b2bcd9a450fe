import { z } from "zod";
import { isoDayOfTyped } from "@/lib/dates/day-input";

/**
 * The prevention pages' form inputs (route handlers parse them; the engine checks the rest). A
 * day typed « 14/03/2025 » where the browser has no date picker is read as that day (day-input.ts).
 */
const day = z.preprocess(isoDayOfTyped, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date attendue AAAA-MM-JJ"));

export const doneForm = z.object({ item: z.string().regex(/^[A-Z0-9_]{1,40}$/), date: day });

export const remindersForm = z.object({
  theme: z.enum(["all", "vaccination-enfant", "vaccination-adulte", "vaccination-saisonniere", "depistage", "bilan", "suivi-enfant"]),
  action: z.enum(["silence", "restore"]),
});

export const addVaccinationForm = z.object({
  product: z.string().regex(/^[a-z0-9-]{1,40}$/),
  date: day,
  lot: z.string().trim().max(40).regex(/^[\p{L}\p{N} ./-]*$/u).optional(),
});

/**
 * `date-invalide`, `lot-invalide`: the carnet's form refused for that one field, which the page marks.
 * `bilan-vide`, `bilan-invalide`: the questionnaire's own refusals, which have no date to check
 * (« invalide » told a person who sent it blank to « vérifier la date »).
 */
export type PreventionNotice = "fait" | "ajoute" | "rappels" | "bilan" | "bilan-vide" | "bilan-invalide" | "invalide" | "date-invalide" | "lot-invalide" | "refuse";

export const NOTICE_CODES: readonly PreventionNotice[] = ["fait", "ajoute", "rappels", "bilan", "bilan-vide", "bilan-invalide", "invalide", "date-invalide", "lot-invalide", "refuse"];
