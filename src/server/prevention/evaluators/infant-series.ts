import { addMonths } from "../days";
import type { InfantSeriesRule, PreventionItem } from "../types";
import { ageText, dosesOf, frDay, itemOf, type Context } from "./context";

/**
 * Infant doses at target ages in months. A dose is due from its target age and overdue one month
 * after it, or after the end of a range (16–18 months: overdue from 19 months) — the issue's
 * convention, the calendar setting none.
 */
export function infantSeries(rule: InfantSeriesRule, ctx: Context): PreventionItem {
  // A vaccine whose series is longer, once one of its doses is in the record (rotavirus: the
  // pentavalent vaccine's three doses against the monovalent's two), and may end later (its last
  // dose before 8 months, the monovalent's before 6).
  const longerUntil = rule.longerWith?.untilMonths ?? rule.untilMonths;
  const longer =
    rule.longerWith && dosesOf(ctx, [rule.longerWith.vaccine]).some((day) => day < addMonths(ctx.facts.birthDate, longerUntil)) ? rule.longerWith : undefined;
  const untilMonths = longer?.untilMonths ?? rule.untilMonths;
  // Only doses given while the series runs: an adult's pneumococcal dose is not an infant dose.
  const during = dosesOf(ctx, rule.vaccines).filter((day) => day < addMonths(ctx.facts.birthDate, untilMonths));
  // Nor one given too young for the series: an MMR dose before 12 months leaves the two doses to
  // give (calendrier des vaccinations 2025: a first dose before 12 months calls for a third).
  const countsFrom = rule.countsFromMonths === undefined ? undefined : addMonths(ctx.facts.birthDate, rule.countsFromMonths);
  const given = countsFrom === undefined ? during : during.filter((day) => day >= countsFrom);
  const doses = longer?.doses ?? rule.doses;
  const early = during.length - given.length;
  const earlyText = early > 0 ? ` ${early === 1 ? "Une dose reçue" : `${early} doses reçues`} avant ${rule.countsFromMonths} mois ne compte${early === 1 ? "" : "nt"} pas dans ces ${doses.length} doses.` : "";
  const mandatory = rule.mandatoryFrom !== undefined ? ctx.facts.birthDate >= rule.mandatoryFrom : undefined;
  const total = doses.length;
  const mandatoryText = (mandatory ? " Cette vaccination est obligatoire pour les enfants nés depuis le " + frDay(rule.mandatoryFrom ?? "") + "." : "") + earlyText + (longer ? ` ${longer.why}` : "");
  if (given.length >= total) {
    return itemOf(rule, "COMPLETE", `Les ${total} doses sont enregistrées (la dernière le ${frDay(given[given.length - 1] ?? "")}).`, { mandatory });
  }
  // One dose from this age completes the series, whatever came before (MenACWY: the 12-month dose
  // after one at 6 months or a MenC dose, or the single catch-up dose from 12 to 24 months).
  const oneFrom = rule.oneDoseFromMonths === undefined ? undefined : addMonths(ctx.facts.birthDate, rule.oneDoseFromMonths);
  const completing = oneFrom === undefined ? undefined : given.find((day) => day >= oneFrom);
  if (completing) {
    return itemOf(rule, "COMPLETE", `La dose faite à partir de ${rule.oneDoseFromMonths} mois est enregistrée le ${frDay(completing)} : elle complète cette vaccination.`, { mandatory });
  }
  const oneText = oneFrom !== undefined && ctx.date >= oneFrom ? ` Une dose faite à partir de ${rule.oneDoseFromMonths} mois suffit à la compléter.` : "";
  if ((rule.bornFrom && ctx.facts.birthDate < rule.bornFrom) || ctx.months >= untilMonths) {
    const said = given.length === 0 ? "aucune dose n'est enregistrée" : `${given.length} dose${given.length > 1 ? "s" : ""} sur ${total} enregistrée${given.length > 1 ? "s" : ""}`;
    const after = rule.noCatchUp ? `Elle ne se rattrape pas après ${untilMonths} mois.` : `Un éventuel rattrapage se décide avec ${ctx.voice.your} médecin.`;
    return itemOf(rule, "NOT_APPLICABLE", `${ageText(ctx)} : cette vaccination du nourrisson ne se fait plus à cet âge (${said}). ${after}`, { mandatory });
  }
  // A first dose with a last age to start (rotavirus): past it, the series is not started.
  const startBy = given.length === 0 && rule.firstDoseUntilMonths !== undefined ? addMonths(ctx.facts.birthDate, rule.firstDoseUntilMonths) : undefined;
  if (startBy !== undefined && ctx.date > startBy) {
    return itemOf(rule, "NOT_APPLICABLE", `${ageText(ctx)} : aucune dose n'est enregistrée, et la première se donne au plus tard à ${rule.firstDoseUntilMonths} mois : cette vaccination ne se commence plus à cet âge.`, { mandatory });
  }
  const dose = given.length + 1;
  const target = doses[given.length] ?? { month: 0 };
  const due = addMonths(ctx.facts.birthDate, target.month);
  const overdueFrom = addMonths(ctx.facts.birthDate, (target.to ?? target.month) + 1);
  const when = target.to ? `entre ${target.month} et ${target.to} mois` : `à ${target.month} mois`;
  const done = given.length === 0 ? "aucune dose n'est enregistrée" : `${given.length} dose${given.length > 1 ? "s" : ""} sur ${total} enregistrée${given.length > 1 ? "s" : ""}`;
  const base = `La dose ${dose} sur ${total} est prévue ${when} (${done}).${oneText}${mandatoryText}`;
  if (ctx.date < due) return itemOf(rule, "NOT_DUE", `${base} Elle sera à faire à partir du ${frDay(due)}.`, { due, dose, mandatory });
  if (ctx.date < overdueFrom) return itemOf(rule, "DUE", `${ageText(ctx)}. ${base}`, { due, dose, mandatory });
  // Still to do until the last age to start, not late: the calendar sets that age, not a month after 2 months.
  if (startBy !== undefined) {
    return itemOf(rule, "DUE", `${ageText(ctx)}. ${base} Elle peut encore être faite jusqu'à ${rule.firstDoseUntilMonths} mois (le ${frDay(startBy)}) : à faire sans tarder, à voir rapidement avec ${ctx.voice.your} médecin.`, { due, dose, mandatory });
  }
  return itemOf(rule, "OVERDUE", `${ageText(ctx)}. ${base} Elle est en retard depuis le ${frDay(overdueFrom)}.`, { due, dose, mandatory });
}
