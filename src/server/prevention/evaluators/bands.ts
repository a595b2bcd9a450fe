import { completedYears } from "../days";
import type { BandsRule, PreventionItem } from "../types";
import { ageText, birthday, frDay, itemOf, type Context } from "./context";

/** Once in each band of age, bounds included ("Mon bilan prévention": 18–25, 45–50, 60–65, 70–75). */
export function bands(rule: BandsRule, ctx: Context): PreventionItem {
  const doneIn = (band: { fromYears: number; toYears: number }) =>
    ctx.facts.procedures.find((p) => {
      if (p.kind !== rule.procedure || p.date > ctx.date) return false;
      const age = completedYears(ctx.facts.birthDate, p.date);
      return age >= band.fromYears && age <= band.toYears;
    });
  const bandText = (band: { fromYears: number; toYears: number }) => `entre ${band.fromYears} et ${band.toYears} ans`;
  const current = rule.bands.find((b) => ctx.years >= b.fromYears && ctx.years <= b.toYears);
  const upcoming = rule.bands.find((b) => b.fromYears > ctx.years);
  const next = upcoming ? birthday(ctx, upcoming.fromYears) : undefined;
  if (current) {
    const done = doneIn(current);
    if (done) return itemOf(rule, "COMPLETE", `${ageText(ctx)} et ${ctx.voice.your} bilan de cette période (${bandText(current)}) est enregistré le ${frDay(done.date)}.`, { next });
    return itemOf(rule, "DUE", `${ageText(ctx)} : un bilan prévention est proposé une fois ${bandText(current)}, et il n'est pas enregistré.`, { due: birthday(ctx, current.fromYears) });
  }
  if (upcoming && next) {
    return itemOf(rule, "NOT_DUE", `Le prochain bilan prévention est proposé ${bandText(upcoming)}, à partir du ${frDay(next)}.`, { due: next });
  }
  return itemOf(rule, "NOT_APPLICABLE", `${ageText(ctx)} : le bilan prévention est proposé jusqu'à 75 ans.`);
}
