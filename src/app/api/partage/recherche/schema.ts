import { z } from "zod";

export const researchSchema = z.object({ choix: z.enum(["oui", "non"]) });
