import { z } from "zod";
import { EMERGENCY_CHOICES } from "@/server/privacy/set-emergency-access";

export const emergencySchema = z.object({ choix: z.enum(EMERGENCY_CHOICES) });
