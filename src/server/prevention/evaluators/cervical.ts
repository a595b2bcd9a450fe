import { addMonths, addYears, completedYears, laterOf } from "../days";
import type { CervicalRule, PreventionItem } from "../types";
import { ageText, birthday, frDay, itemOf, type Context } from "./context";
import { latestProcedure, PROCEDURE_LABELS } from "./screening";

/**
 * Cervical screening: from 25 to 29, a cytology, the second one year after the first, then every
 * 3 years; from 30 to 65, an HPV test every 5 years, the first 3 years after the last normal
 * cytology. Due from its day, overdue six months later; 65 included.
 */
export function cervical(rule: CervicalRule, ctx: Context): PreventionItem {
  const band = `de ${rule.fromYears} à ${rule.toYears} ans`;
  // Listed from five years before the band, as the other screenings (screening.ts says why).
  if (ctx.facts.sex !== "female") return itemOf(rule, "NOT_APPLICABLE", `Ce dépistage concerne les femmes ${band}.`, { appliesFrom: birthday(ctx, rule.fromYears) });
  if (ctx.years > rule.toYears) return itemOf(rule, "NOT_APPLICABLE", `${ageText(ctx)} : ce dépistage organisé concerne les femmes ${band}.`);
  const birth = ctx.facts.birthDate;
  const start = birthday(ctx, rule.fromYears);
  const end = birthday(ctx, rule.toYears + 1);
  const last = latestProcedure(ctx, ["cytology", "hpv-test"]);
  let next = start;
  if (last?.kind === "hpv-test") next = addYears(last.date, 5);
  else if (last) {
    const cytologies = ctx.facts.procedures.filter((p) => p.kind === "cytology" && p.date <= ctx.date).length;
    const oneYearLater = addYears(last.date, 1);
    next = cytologies === 1 && completedYears(birth, oneYearLater) < rule.hpvFromYears ? oneYearLater : addYears(last.date, 3);
  }
  next = laterOf(next, start);
  // The test is the one for the age at which it is done: at the due day, or today if that has passed.
  const test = completedYears(birth, laterOf(next, ctx.date)) >= rule.hpvFromYears ? "hpv-test" : "cytology";
  const records = { procedure: test } as const;
  const lastText = last ? `dernier examen enregistré : ${PROCEDURE_LABELS[last.kind]} le ${frDay(last.date)}` : "aucun examen de dépistage n'est enregistré";
  if (next >= end) return itemOf(rule, "COMPLETE", `${ageText(ctx)} ; ${lastText}. Le dépistage organisé s'arrête à ${rule.toYears} ans.`, { records });
  if (ctx.date < next) {
    if (last) return itemOf(rule, "COMPLETE", `${lastText}. Le prochain (${PROCEDURE_LABELS[test]}) est prévu à partir du ${frDay(next)}.`, { next, records });
    return itemOf(rule, "NOT_DUE", `Ce dépistage est proposé aux femmes ${band} ; il commencera pour ${ctx.voice.you} le ${frDay(next)}.`, { due: next, records });
  }
  const text = `${ageText(ctx)} et ${lastText}. À ${ctx.voice.your} âge, le dépistage se fait par ${PROCEDURE_LABELS[test]}.`;
  const overdueFrom = addMonths(next, rule.overdueAfterMonths);
  if (ctx.date < overdueFrom) return itemOf(rule, "DUE", text, { due: next, records });
  return itemOf(rule, "OVERDUE", `${text} Il est en retard depuis le ${frDay(overdueFrom)}.`, { due: next, records });
}
