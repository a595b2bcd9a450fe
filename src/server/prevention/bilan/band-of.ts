import { CURRENT_CALENDAR } from "../evaluate-patient";
import { completedYears, type Day } from "../days";
import type { BilanBand } from "./questionnaires";

/**
 * The band of "Mon bilan prévention" a person is in on `today`, from the calendar's BILAN_PREV
 * rule (bounds inclusive, ages in completed years): the one place the bands are written.
 */
export function bilanBandOf(birthDate: Day, today: Day): BilanBand | undefined {
  const rule = CURRENT_CALENDAR.rules.find((r) => r.item === "BILAN_PREV");
  if (!rule || rule.kind !== "bands") return undefined;
  const age = completedYears(birthDate, today);
  const band = rule.bands.find((b) => age >= b.fromYears && age <= b.toYears);
  return band ? (`${band.fromYears}-${band.toYears}` as BilanBand) : undefined;
}
