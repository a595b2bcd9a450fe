import { laterOf } from "../days";
import type { FirstSeasonRule, PreventionItem } from "../types";
import { campaignsOf, campaignText } from "./campaigns";
import { ageText, dosesOf, frDay, itemOf, type Context } from "./context";

/** « Léo a moins d'un mois » rather than « Léo a 0 mois », the age most babies have at their dose. */
const babyAge = (ctx: Context) => (ctx.years === 0 && ctx.months === 0 ? `${ctx.voice.has} moins d'un mois` : ageText(ctx));

/**
 * An infant's protection for their first RSV season (nirsevimab: calendars/fr-2025.ts, RSV_INFANT).
 * The first season is a campaign the birth falls in or before, from its `bornFrom` on (a baby born
 * during it, or born since February and entering it). Not due before it (the day it
 * opens), due during it, done by a dose recorded since the birth, and, once it is over without
 * one, no longer asked for: a second season's dose is for a few fragile children only, which the
 * record does not tell, so the reason sends to the doctor.
 *
 * The maternal vaccine (Abrysvo) is the other way to protect the baby, chosen by the parents: it is
 * in the mother's record, which the child's record does not reach, so every reason that asks for
 * the dose says that it is not needed after it.
 */
export function firstSeason(rule: FirstSeasonRule, ctx: Context): PreventionItem {
  const birth = ctx.facts.birthDate;
  const campaigns = campaignsOf(ctx, rule.campaign);
  // The campaigns whose first-season cohort the birth is in: usually one, two for a baby born in
  // February during a campaign still running, who is also in the next one's catch-up. The one
  // under way, else the next, else the last one past.
  const cohort = campaigns.filter((c) => c.end >= birth && (c.bornFrom ?? c.start) <= birth);
  const first =
    cohort.find((c) => c.start <= ctx.date && ctx.date <= c.end) ?? cohort.find((c) => c.start > ctx.date) ?? cohort[cohort.length - 1];
  const doses = dosesOf(ctx, rule.vaccines).filter((day) => day >= birth);
  const last = doses[doses.length - 1];
  if (last) return itemOf(rule, "COMPLETE", `La protection contre la bronchiolite à VRS (anticorps nirsévimab) est enregistrée le ${frDay(last)}.`);
  const unlessMother = ` Sauf si la mère a été vaccinée contre le VRS pendant la grossesse (Abrysvo, au moins 14 jours avant la naissance) : cette vaccination est dans le dossier de la mère, pas dans celui-ci.`;
  if (!first) {
    const latest = campaigns[campaigns.length - 1];
    if (latest && birth > latest.end) {
      return itemOf(rule, "NOT_DUE", `${babyAge(ctx)} : un anticorps (nirsévimab) est proposé avant ou pendant sa première saison de VRS. Les dates de la prochaine campagne ne sont pas encore publiées.${unlessMother}`);
    }
    return itemOf(rule, "NOT_APPLICABLE", `${babyAge(ctx)} : la protection par anticorps (nirsévimab) concerne les nourrissons pendant leur première saison de VRS.`);
  }
  const season = campaignText(first);
  const whose = `c'est la première saison de circulation du VRS (le principal virus de la bronchiolite) pour ${ctx.voice.you}`;
  if (ctx.date < first.start) {
    return itemOf(rule, "NOT_DUE", `${babyAge(ctx)} : ${whose}. Une dose d'anticorps (nirsévimab) sera à faire à partir du ${frDay(first.start)}, pendant ${season}.${unlessMother}`, { due: first.start });
  }
  if (ctx.date <= first.end) {
    const due = laterOf(first.start, birth);
    return itemOf(rule, "DUE", `${babyAge(ctx)} : ${whose} et aucune dose d'anticorps (nirsévimab) n'est enregistrée. Une dose est recommandée maintenant, pendant ${season}.${unlessMother}`, { due });
  }
  return itemOf(
    rule,
    "NOT_APPLICABLE",
    `${babyAge(ctx)} : la protection par anticorps (nirsévimab) était proposée pendant sa première saison de VRS, ${season}. Pour une deuxième saison, elle ne concerne que certains enfants fragiles : ${ctx.voice.askDoctor}.`,
  );
}
