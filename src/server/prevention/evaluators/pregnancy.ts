import { addDays, completedWeeks } from "../days";
import type { PreventionItem, PregnancyRule } from "../types";
import { ageText, dosesOf, frDay, itemOf, type Context } from "./context";
import { pregnancyInSeason } from "./pregnancy-season";

/**
 * A vaccination in each pregnancy (pertussis: HAS, 7 April 2022). The pregnancy is the record's
 * Condition (SNOMED CT 77386006), still running (context.ts: not closed, under 42 weeks), and its
 * onset is read as the first day of the last period: in France a pregnancy is dated in weeks of
 * amenorrhoea (semaines d'aménorrhée) from that day, and the 42 weeks context.ts allows count from
 * it too. Should a clinician have recorded the day of conception instead, the item comes due about
 * two weeks later than it should (at 22 weeks rather than 20), still within the weeks the
 * recommendation prefers, and never before 20 weeks.
 *
 * Not pregnant (or nothing of a pregnancy the reader may see: a minor's secret is out of her
 * parents' view and out of the daily notices, run-prevention-tick.ts): one sentence for everyone,
 * which tells nothing about the person. A pregnancy without its first day: not due yet, the
 * reason saying the weeks, as its weeks cannot be counted. Due from `fromWeeks` to the end of the
 * pregnancy, never overdue (the window ends with the birth); done by a dose since its first day.
 */
export function pregnancy(rule: PregnancyRule, ctx: Context): PreventionItem {
  if (rule.season) return pregnancyInSeason({ ...rule, season: rule.season }, ctx);
  const when = `à chaque grossesse, de préférence entre ${rule.fromWeeks} et ${rule.preferredToWeeks} semaines d'aménorrhée`;
  const why = "elle protège le nouveau-né dès sa naissance";
  if (!ctx.facts.conditions.has("pregnancy")) {
    return itemOf(rule, "NOT_APPLICABLE", `La vaccination ${rule.against} est recommandée aux femmes enceintes, ${when} : ${why}.`);
  }
  const start = ctx.facts.pregnancyStart;
  if (!start) {
    return itemOf(rule, "NOT_DUE", `${ageText(ctx)} et ${ctx.voice.your} dossier mentionne une grossesse en cours, sans sa date de début : la vaccination ${rule.against} est recommandée ${when} ; ${why}.`);
  }
  const weeks = completedWeeks(start, ctx.date);
  const pregnancyText = `${ageText(ctx)} et ${ctx.voice.your} dossier mentionne une grossesse en cours depuis le ${frDay(start)} (${weeks} semaine${weeks > 1 ? "s" : ""} d'aménorrhée)`;
  const done = dosesOf(ctx, rule.vaccines).filter((day) => day >= start);
  const last = done[done.length - 1];
  if (last) {
    return itemOf(rule, "COMPLETE", `${pregnancyText} : la vaccination ${rule.against} est enregistrée le ${frDay(last)}, pendant cette grossesse ; ${why}. Elle est à refaire à chaque grossesse.`);
  }
  const due = addDays(start, rule.fromWeeks * 7);
  if (ctx.date < due) {
    return itemOf(rule, "NOT_DUE", `${pregnancyText} : la vaccination ${rule.against} sera recommandée à partir de ${rule.fromWeeks} semaines d'aménorrhée, le ${frDay(due)}, de préférence avant la fin de la ${rule.preferredToWeeks}e semaine ; ${why}.`, { due });
  }
  if (weeks <= rule.preferredToWeeks) {
    return itemOf(rule, "DUE", `${pregnancyText} et aucune vaccination ${rule.against} n'est enregistrée pendant cette grossesse : elle est recommandée maintenant, de préférence avant la fin de la ${rule.preferredToWeeks}e semaine ; ${why}.`, { due });
  }
  return itemOf(
    rule,
    "DUE",
    `${pregnancyText} et aucune vaccination ${rule.against} n'est enregistrée pendant cette grossesse : la période conseillée (de ${rule.fromWeeks} à ${rule.preferredToWeeks} semaines) est passée, à voir sans tarder avec la sage-femme ou le médecin qui suit la grossesse. Sans vaccination pendant la grossesse, la mère et l'entourage du bébé sont à vacciner dès la naissance.`,
    { due },
  );
}
