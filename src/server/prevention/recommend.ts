import type { Day } from "./days";
import { adultBooster } from "./evaluators/adult-booster";
import { bands } from "./evaluators/bands";
import { cervical } from "./evaluators/cervical";
import { childBooster } from "./evaluators/child-booster";
import { contextFor, type Context } from "./evaluators/context";
import { course } from "./evaluators/course";
import { eligibility } from "./evaluators/eligibility";
import { firstSeason } from "./evaluators/first-season";
import { infantSeries } from "./evaluators/infant-series";
import { pregnancy } from "./evaluators/pregnancy";
import { screening } from "./evaluators/screening";
import { seasonal } from "./evaluators/seasonal";
import { visits } from "./evaluators/visits";
import type { Calendar, PreventionFacts, PreventionItem, Rule } from "./types";
import { SELF, type Reader } from "./evaluators/voice";

/**
 * The prevention engine: what the calendar asks of this person on this day, one item per rule,
 * in the calendar's order. Pure (no clock, no I/O): the same facts, calendar and day always give
 * the same items, so the command, the pages, the FHIR API and the daily job agree. `reader`
 * changes only the words of the reasons: the person themself by default ("Vous avez…"), or
 * someone reading about them ("Léo a…", evaluators/voice.ts).
 */
export function recommend(facts: PreventionFacts, rules: Calendar, date: Day, reader: Reader = SELF): PreventionItem[] {
  const ctx = contextFor(facts, rules, date, reader);
  return rules.rules.map((rule) => evaluate(rule, ctx));
}

function evaluate(rule: Rule, ctx: Context): PreventionItem {
  switch (rule.kind) {
    case "infant-series":
      return infantSeries(rule, ctx);
    case "child-booster":
      return childBooster(rule, ctx);
    case "adult-booster":
      return adultBooster(rule, ctx);
    case "course":
      return course(rule, ctx);
    case "eligibility":
      return eligibility(rule, ctx);
    case "seasonal":
      return seasonal(rule, ctx);
    case "screening":
      return screening(rule, ctx);
    case "cervical":
      return cervical(rule, ctx);
    case "bands":
      return bands(rule, ctx);
    case "visits":
      return visits(rule, ctx);
    case "pregnancy":
      return pregnancy(rule, ctx);
    case "first-season":
      return firstSeason(rule, ctx);
  }
}
