import type { ChildBoosterRule, PreventionItem } from "../types";
import { ageText, birthday, dosesOf, frDay, itemOf, type Context } from "./context";

/**
 * One booster in a range of years of age: due from the first birthday of the range, overdue
 * once the range's last year of age is over (the convention for fixed-age boosters). Past
 * `untilYears` the next booster of the calendar takes over.
 */
export function childBooster(rule: ChildBoosterRule, ctx: Context): PreventionItem {
  const counted = dosesOf(ctx, rule.vaccines, rule.countsFromYears, rule.untilYears);
  const range = rule.fromYears === rule.toYears ? `à ${rule.fromYears} ans` : `entre ${rule.fromYears} et ${rule.toYears} ans`;
  const last = counted[counted.length - 1];
  if (last) return itemOf(rule, "COMPLETE", `Ce rappel, prévu ${range}, est enregistré le ${frDay(last)}.`);
  const due = birthday(ctx, rule.fromYears);
  if (ctx.years < rule.fromYears) {
    return itemOf(rule, "NOT_DUE", `Ce rappel est prévu ${range}, à partir du ${frDay(due)}.`, { due });
  }
  if (ctx.years <= rule.toYears) {
    return itemOf(rule, "DUE", `${ageText(ctx)} et ce rappel, prévu ${range}, n'est pas enregistré.`, { due });
  }
  if (ctx.years < rule.untilYears) {
    return itemOf(rule, "OVERDUE", `${ageText(ctx)} et ce rappel, prévu ${range}, n'est pas enregistré : il est en retard.`, { due });
  }
  return itemOf(rule, "NOT_APPLICABLE", `${ageText(ctx)} : ce rappel, prévu ${range}, est remplacé à cet âge par le suivant du calendrier.`);
}
