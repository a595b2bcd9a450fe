import { z } from "zod";
import { parseLinkEnd } from "@/lib/prescriptions/link-end";

/**
 * "Envoyer à une pharmacie": a passcode or not (a ticked box sends "oui"), and the link's last
 * day (AAAA-MM-JJ, a Paris day, last day included; empty for the default). An unreadable date
 * fails the schema, so nothing is created.
 */
export const shareSchema = z.object({
  code: z.string().optional(),
  fin: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const end = parseLinkEnd(value ?? null);
      if (end === "invalid") {
        ctx.addIssue({ code: "custom", message: "date" });
        return z.NEVER;
      }
      return end;
    }),
});
