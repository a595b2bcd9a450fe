import { completedYears } from "../days";
import type { AdultBoosterRule, PreventionItem } from "../types";
import { ageText, birthday, dosesOf, frDay, itemOf, type Context } from "./context";

/**
 * Adult dTP boosters at fixed ages (25 with pertussis, 45, 65, then every 10 years), and the
 * calendar's rules for a booster given at another age:
 *  1. the next fixed age must come more than five years after the last booster, or the one
 *     after it is the next (last at 40 → 65, not 45);
 *  2. when the next fixed age is more than 25 years (15 after 65) after the last booster, a
 *     booster is due at once, and rule 1 then applies to it (last at 18, aged 35 → now, then 45;
 *     aged 43 → now, then 65).
 * With fixed ages 20 then 10 years apart, rule 2 holds exactly when the fixed age that rule 1
 * gives after the last booster has passed, so the evaluation is: the next fixed age after the
 * last dose; due in that year of age, overdue after it (the convention), and once done
 * today, the next fixed age after today.
 */
export function adultBooster(rule: AdultBoosterRule, ctx: Context): PreventionItem {
  const doses = dosesOf(ctx, rule.vaccines);
  const last = doses[doses.length - 1];
  const lastAge = last === undefined ? undefined : completedYears(ctx.facts.birthDate, last);
  const nextAfter = (age: number | undefined) =>
    rule.fixedAges.find((fixed) => age === undefined || (fixed > age && fixed - age > rule.minYears)) ?? Infinity;
  const target = nextAfter(lastAge);
  const first = rule.fixedAges[0] ?? 25;
  const lastText = last === undefined ? "aucun rappel n'est enregistré" : `${ctx.voice.your} dernier rappel est enregistré le ${frDay(last)} (à ${lastAge} ans)`;
  const pertussis = (age: number) => (age === first || (age < 40 && ctx.years < 40) ? " avec la coqueluche (dTcaP)" : "");
  if (target === Infinity) return itemOf(rule, "COMPLETE", `${ageText(ctx)} et ${lastText}.`);
  if (ctx.years < target) {
    const next = birthday(ctx, target);
    if (ctx.years < first) return itemOf(rule, "NOT_DUE", `Le premier rappel de l'adulte est prévu à ${target} ans, le ${frDay(next)}${pertussis(target)}.`, { due: next });
    return itemOf(rule, "COMPLETE", `${ageText(ctx)} et ${lastText} : le prochain est prévu à ${target} ans, le ${frDay(next)}.`, { next });
  }
  const afterToday = nextAfter(ctx.years);
  const next = afterToday === Infinity ? undefined : birthday(ctx, afterToday);
  const thenText = next ? ` Après lui, le suivant sera à ${afterToday} ans.` : "";
  if (ctx.years === target) {
    const due = birthday(ctx, target);
    return itemOf(rule, "DUE", `${ageText(ctx)} et ${lastText} : le rappel de ${target} ans${pertussis(target)} est à faire cette année.${thenText}`, { due, next });
  }
  // The latest fixed age passed since the one that was missed.
  const missed = [...rule.fixedAges].reverse().find((fixed) => fixed >= target && fixed <= ctx.years) ?? target;
  const due = birthday(ctx, missed);
  return itemOf(
    rule,
    "OVERDUE",
    `${ageText(ctx)} et ${lastText} : le rappel de ${missed} ans${pertussis(ctx.years)} est en retard depuis le ${frDay(birthday(ctx, missed + 1))}, ${ctx.voice.doItNow}.${thenText}`,
    { due, next },
  );
}
