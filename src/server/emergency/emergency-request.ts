import { z } from "zod";
import { typedDay } from "@/lib/dates/day-input";
import type { EmergencyCriteria } from "../fhir/emergency-match";

/**
 * The emergency form: who (name and birth date, or INS) and why. The reason is shown to the
 * patient, so it must say something (at least 20 characters).
 */
export const EMERGENCY_REASON_MIN = 20;
export const EMERGENCY_REASON_MAX = 500;
export const EMERGENCY_DURATION_MS = 3600 * 1000;

const text = (max: number) => z.string().trim().max(max);

const schema = z.object({
  family: text(100).optional(),
  given: text(100).optional(),
  birthDate: typedDay().optional().or(z.literal("")),
  ins: z
    .string()
    .transform((v) => v.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^(\d{15})?$/))
    .optional(),
  reason: text(EMERGENCY_REASON_MAX).pipe(z.string().min(EMERGENCY_REASON_MIN)),
});

export type EmergencyRequest = { criteria: EmergencyCriteria; reason: string };

export function parseEmergencyRequest(input: Record<string, unknown>): EmergencyRequest | undefined {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return undefined;
  const { family, given, birthDate, ins, reason } = parsed.data;
  if (ins) return { criteria: { kind: "ins", ins }, reason };
  if (family && birthDate) return { criteria: { kind: "identity", family, given: given || undefined, birthDate }, reason };
  return undefined;
}
