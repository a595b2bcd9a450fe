import { addMonths, laterOf } from "../days";
import type { Campaign, PreventionItem, SeasonalRule } from "../types";
import { ageText, CONDITION_LABELS, conditionsInWords, dosesOf, eligibleNow, frDay, hasCondition, itemOf, type Context } from "./context";

/**
 * Flu and COVID-19: once per campaign for the people the calendar lists; not due outside a
 * campaign (campaign dates are data); COVID-19 also waits for its minimum interval since the
 * last dose. Due, never overdue. The spring COVID-19 dose is the same rule over the spring
 * campaigns: a dose counts for the campaign it was given in.
 */
export function seasonal(listed: SeasonalRule, ctx: Context): PreventionItem {
  const byRisk = eligibleNow(ctx, listed.who);
  const { condition } = byRisk;
  // A child of the ages every child is offered it (flu, 2 to 17 years) is told so, with that
  // recommendation as the source, unless a condition of the record already makes it due.
  const children = listed.children;
  const asChild = !condition && children !== undefined && ctx.years >= children.fromYears && ctx.years <= children.toYears;
  const rule: SeasonalRule = asChild ? { ...listed, source: children.source } : listed;
  if (!byRisk.eligible && !asChild) {
    const risks = conditionsInWords(rule.who.conditions ?? []);
    const childrenText = children ? `, pour les enfants de ${children.fromYears} à ${children.toYears} ans` : "";
    return itemOf(rule, "NOT_APPLICABLE", `${ageText(ctx)} : cette vaccination est recommandée chaque année à partir de ${rule.who.fromYears ?? 65} ans${childrenText}, ou pour les personnes ayant ${risks}.`);
  }
  const why = condition ? `${ageText(ctx)} et ${ctx.voice.your} dossier mentionne ${CONDITION_LABELS[condition]}` : asChild ? `${ageText(ctx)} (${children.note})` : ageText(ctx);
  const campaigns = ctx.calendar.campaigns.filter((c) => c.vaccines.includes(rule.campaign));
  const current = campaigns.find((c) => c.start <= ctx.date && ctx.date <= c.end);
  const upcoming = campaigns.filter((c) => c.start > ctx.date).sort((a, b) => a.start.localeCompare(b.start))[0];
  const doses = dosesOf(ctx, rule.vaccines);
  const last = doses[doses.length - 1];
  const interval = intervalMonths(rule, ctx);
  // A child at risk is vaccinated from 6 months (calendrier des vaccinations 2025, grippe
  // saisonnière: the at-risk children it lists start at 6 months; no flu or COVID-19 vaccine is
  // authorised younger): before, a baby of 3 months with an immunodeficiency read « À faire ».
  const oldEnough = rule.fromMonths !== undefined ? addMonths(ctx.facts.birthDate, rule.fromMonths) : undefined;
  const afterLast = last && interval ? addMonths(last, interval) : undefined;
  const earliest = oldEnough && afterLast ? laterOf(oldEnough, afterLast) : (afterLast ?? oldEnough);
  const youngText = oldEnough && ctx.date < oldEnough ? ` ; cette vaccination se fait à partir de ${rule.fromMonths} mois` : "";
  const intervalText = last && interval ? ` ; dernière dose le ${frDay(last)}, au moins ${interval} mois d'écart sont recommandés` : "";
  if (!current) {
    const due = upcoming ? laterOf(upcoming.start, earliest ?? upcoming.start) : undefined;
    const when = upcoming ? `La prochaine campagne commence le ${frDay(upcoming.start)}${provisional(upcoming)}.` : "Les dates de la prochaine campagne ne sont pas encore publiées.";
    return itemOf(rule, "NOT_DUE", `${why}${youngText} : cette vaccination est recommandée pour ${ctx.voice.you} à chaque campagne. ${when}`, { due });
  }
  // Dates not yet published (a campaign the data foresees) are said to be so here too: the
  // campaign under way was told to run « du 13 octobre 2026 au 31 janvier 2027 » as if announced.
  const period = `du ${frDay(current.start)} au ${frDay(current.end)}${current.provisional ? ", dates prévisionnelles à confirmer" : ""}`;
  const campaignText = `la campagne ${current.name ?? current.id} (${period})`;
  if (last && last >= current.start) {
    return itemOf(rule, "COMPLETE", `${why} : vaccination enregistrée le ${frDay(last)}, pendant ${campaignText}.`, { next: upcoming?.start });
  }
  const due = laterOf(current.start, earliest ?? current.start);
  if (due > current.end) {
    const nextDue = upcoming ? laterOf(upcoming.start, due) : undefined;
    return itemOf(rule, "NOT_DUE", `${why}${intervalText}${youngText} : la dose ne pourra pas être faite pendant ${campaignText}.`, { due: nextDue });
  }
  if (ctx.date < due) {
    return itemOf(rule, "NOT_DUE", `${why}${intervalText}${youngText} : la dose sera à faire à partir du ${frDay(due)}, pendant ${campaignText}.`, { due });
  }
  const none = last ? `dernière dose enregistrée le ${frDay(last)}` : "aucune dose n'est enregistrée";
  return itemOf(rule, "DUE", `${why} ; ${none} : la vaccination est recommandée pendant ${campaignText}.`, { due });
}

function intervalMonths(rule: SeasonalRule, ctx: Context): number | undefined {
  for (const option of rule.intervals ?? []) {
    if (option.fromYears !== undefined && ctx.years < option.fromYears) continue;
    if (option.conditions && !hasCondition(ctx, option.conditions)) continue;
    return option.months;
  }
  return undefined;
}

const provisional = (campaign: Campaign) => (campaign.provisional ? " (date prévisionnelle, à confirmer)" : "");
