import { z } from "zod";
import { typedDay } from "@/lib/dates/day-input";
import { parisDayOf } from "@/lib/dates/paris-day";

/**
 * "Autoriser un professionnel": who (a directory id), at which level, until which day (empty:
 * until withdrawn). The day is a calendar day in Paris, from today to three years ahead.
 */
export function authoriseSchema(now: Date) {
  const today = parisDayOf(now);
  const latest = `${Number(today.slice(0, 4)) + 3}${today.slice(4)}`;
  return z.object({
    praticien: z.uuid(),
    niveau: z.enum(["N", "R"]),
    jusqu_au: z.union([z.literal(""), typedDay().refine((day) => day >= today && day <= latest)]).optional(),
  });
}
