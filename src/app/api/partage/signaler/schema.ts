import { z } from "zod";

export const reportSchema = z.object({ acces: z.uuid() });
