import { isDay, parisDayOf, type Day } from "@/lib/dates/paris-day";
import { addYears } from "../prevention/days";
import { sanitiseForAudit } from "../audit/audit-entry";

/**
 * The longest a measure can run from the day it is recorded: twenty years. Code civil, art. 441:
 * « Le juge fixe la durée de la mesure sans que celle-ci puisse excéder cinq ans », or, for a
 * tutelle, on a listed doctor's concurring opinion, « une durée plus longue, n'excédant pas dix
 * ans » (al. 2); art. 442 al. 1 « Le juge peut renouveler la mesure pour une même durée », and
 * al. 2 « pour une durée plus longue qu'il détermine, n'excédant pas vingt ans »; art. 494-6 for
 * the habilitation familiale générale: « une durée au dispositif sans que celle-ci puisse excéder
 * dix ans », renewable up to twenty years. Which of these applies is in the decision, read by the
 * assistance; the command refuses only what no judgment can set, and a measure with no end at all.
 */
export const LONGEST_MEASURE_YEARS = 20;

/** A decision's reference as the trail and the adult's page keep it: one line, bounded. */
const DECISION_MAX = 300;

export type MeasureTermsRefusal = "decision" | "end-day";

/**
 * The decision's reference (one line, 3 to 300 characters) and the measure's last day
 * (AAAA-MM-JJ, a Paris day, from today to twenty years ahead, both included), or why not.
 */
export function measureTerms(decision: string | undefined, endDay: string | undefined, now: Date): { decision: string; endDay: Day } | { refused: MeasureTermsRefusal } {
  if ((decision ?? "").trim().length > DECISION_MAX) return { refused: "decision" };
  const reference = sanitiseForAudit(decision ?? "", DECISION_MAX);
  if (!reference || reference.length < 3) return { refused: "decision" };
  if (!endDay || !isDay(endDay)) return { refused: "end-day" };
  const today = parisDayOf(now);
  if (endDay < today || endDay > addYears(today, LONGEST_MEASURE_YEARS)) return { refused: "end-day" };
  return { decision: reference, endDay };
}
