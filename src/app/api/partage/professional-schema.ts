import { z } from "zod";

/** The forms that name one professional of the directory (withdraw, block, unblock). */
export const professionalSchema = z.object({ praticien: z.uuid() });
