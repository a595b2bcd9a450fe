import { z } from "zod";

/** The withdrawal form names one message. */
export const withdrawSchema = z.object({ message: z.uuid() });
