import { addDays, addMonths } from "../days";
import type { PreventionItem, VisitsRule } from "../types";
import { frDay, itemOf, type Context } from "./context";

/**
 * Visits at set ages, each in a window of completed months (the child's examinations, the
 * yearly dental check-up): due during the window if none is recorded in it. Such visits are
 * rarely in the record, so a past window is never reported as missed.
 */
export function visits(rule: VisitsRule, ctx: Context): PreventionItem {
  const birth = ctx.facts.birthDate;
  const windowOf = (v: { fromMonths: number; toMonths: number }) => ({ start: addMonths(birth, v.fromMonths), end: addMonths(birth, v.toMonths + 1) });
  const current = rule.visits.find((v) => ctx.months >= v.fromMonths && ctx.months <= v.toMonths);
  const upcoming = rule.visits.find((v) => v.fromMonths > ctx.months);
  const next = upcoming ? windowOf(upcoming).start : undefined;
  if (current) {
    const { start, end } = windowOf(current);
    const done = ctx.facts.procedures.find((p) => p.kind === rule.procedure && p.date >= start && p.date < end && p.date <= ctx.date);
    if (done) return itemOf(rule, "COMPLETE", `${capitalise(current.label)} est enregistré le ${frDay(done.date)}.`, { next });
    return itemOf(rule, "DUE", `C'est le moment de ${current.label}, à faire avant le ${frDay(addDays(end, -1))}.`, { due: start });
  }
  if (upcoming && next) return itemOf(rule, "NOT_DUE", `Prochain rendez-vous : ${upcoming.label}, à partir du ${frDay(next)}.`, { due: next });
  return itemOf(rule, "NOT_APPLICABLE", `Ce suivi concerne les enfants et les jeunes ; il est terminé à ${ctx.voice.your} âge.`);
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

