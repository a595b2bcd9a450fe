import { addDays, completedWeeks, laterOf } from "../days";
import type { PregnancyRule, PreventionItem } from "../types";
import { campaignsOf, campaignText } from "./campaigns";
import { ageText, dosesOf, frDay, itemOf, type Context } from "./context";

const earlierOf = (a: string, b: string) => (a < b ? a : b);

/**
 * A vaccination during the pregnancy that is given only in a window of weeks AND during a campaign
 * (RSV, Abrysvo: from 32 to 36 weeks of amenorrhoea, from September to the campaign's end; HAS, 13
 * June 2024: calendars/fr-2025.ts, RSV_PREGNANCY). The weeks are counted as pregnancy.ts counts
 * them, the window running to the last day of the `toWeeks`th completed week (36 weeks and 6 days).
 * Due on the days both allow, never overdue; once no such day is left for this pregnancy, the item
 * no longer asks for it and says that the baby can have the antibody (nirsevimab) instead. Without
 * a pregnancy the reader may see (a minor's secret: context.ts), one sentence for everyone.
 */
export function pregnancyInSeason(rule: PregnancyRule & { season: NonNullable<PregnancyRule["season"]> }, ctx: Context): PreventionItem {
  const weeksText = `entre ${rule.fromWeeks} et ${rule.season.toWeeks} semaines d'aménorrhée`;
  const why = "elle protège le bébé de la bronchiolite à VRS pendant ses premiers mois. C'est une alternative à l'anticorps (nirsévimab) donné au bébé après la naissance, au choix des parents";
  if (!ctx.facts.conditions.has("pregnancy")) {
    return itemOf(rule, "NOT_APPLICABLE", `La vaccination ${rule.against} est proposée aux femmes enceintes ${weeksText}, pendant la campagne de prévention de la bronchiolite : ${why}.`);
  }
  const start = ctx.facts.pregnancyStart;
  if (!start) {
    return itemOf(rule, "NOT_DUE", `${ageText(ctx)} et ${ctx.voice.your} dossier mentionne une grossesse en cours, sans sa date de début : la vaccination ${rule.against} est proposée ${weeksText}, pendant la campagne de prévention de la bronchiolite ; ${why}.`);
  }
  const weeks = completedWeeks(start, ctx.date);
  const pregnancyText = `${ageText(ctx)} et ${ctx.voice.your} dossier mentionne une grossesse en cours depuis le ${frDay(start)} (${weeks} semaine${weeks > 1 ? "s" : ""} d'aménorrhée)`;
  const done = dosesOf(ctx, rule.vaccines).filter((day) => day >= start);
  const last = done[done.length - 1];
  if (last) {
    return itemOf(rule, "COMPLETE", `${pregnancyText} : la vaccination ${rule.against} est enregistrée le ${frDay(last)}, pendant cette grossesse. Si elle a été faite au moins 14 jours avant la naissance, le bébé n'a pas besoin de l'anticorps (nirsévimab).`);
  }
  const windowStart = addDays(start, rule.fromWeeks * 7);
  const windowEnd = addDays(start, (rule.season.toWeeks + 1) * 7 - 1);
  const campaigns = campaignsOf(ctx, rule.season.campaign);
  // The first campaign with a day left in the window, from today.
  const from = laterOf(windowStart, ctx.date);
  const open = campaigns.find((c) => c.start <= windowEnd && c.end >= from && from <= windowEnd);
  const instead = "Le bébé pourra recevoir l'anticorps (nirsévimab) pour sa première saison de VRS.";
  if (!open) {
    // Days of the window beyond the last campaign the calendar knows: its dates are not published.
    const known = campaigns.reduce((end, c) => laterOf(end, c.end), "");
    if (from <= windowEnd && windowEnd > known) {
      return itemOf(rule, "NOT_DUE", `${pregnancyText} : la vaccination ${rule.against} est proposée ${weeksText}, du ${frDay(windowStart)} au ${frDay(windowEnd)}, pendant la campagne de prévention de la bronchiolite, dont les dates ne sont pas encore publiées ; ${why}.`);
    }
    return itemOf(rule, "NOT_APPLICABLE", `${pregnancyText} : la vaccination ${rule.against} se fait ${weeksText} et pendant la campagne de prévention de la bronchiolite ; il n'en reste pas de jour pour cette grossesse. ${instead}`);
  }
  const openFrom = laterOf(windowStart, open.start);
  const openTo = earlierOf(windowEnd, open.end);
  // The campaign's own days are in parentheses (campaignText): the window's terms are not, so that
  // the sentence never closes two parentheses at once.
  const terms = `${weeksText} et pendant ${campaignText(open)}`;
  const period = `du ${frDay(openFrom)} au ${frDay(openTo)}, ${terms}`;
  if (ctx.date < openFrom) {
    return itemOf(rule, "NOT_DUE", `${pregnancyText} : la vaccination ${rule.against} sera proposée ${period} ; ${why}.`, { due: openFrom });
  }
  return itemOf(rule, "DUE", `${pregnancyText} et aucune vaccination ${rule.against} n'est enregistrée pendant cette grossesse : elle est proposée maintenant, jusqu'au ${frDay(openTo)}, ${terms} ; ${why}.`, { due: openFrom });
}
