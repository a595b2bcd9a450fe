import { z } from "zod";

export const defaultLevelSchema = z.object({ niveau: z.enum(["N", "R"]) });
