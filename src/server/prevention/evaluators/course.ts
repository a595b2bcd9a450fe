import { agreeWith } from "@/lib/i18n/plural";
import { addMonths, completedYears } from "../days";
import type { CourseRule, PreventionItem } from "../types";
import { ageText, birthday, dosesOf, frDay, itemOf, type Context } from "./context";

/**
 * A course whose number of doses depends on the age it starts at (HPV: two doses 6 months apart
 * from 11 to 14, three doses at 0, 2 and 6 months in catch-up). A recommendation for an age
 * band followed by a catch-up: due, never overdue.
 */
export function course(rule: CourseRule, ctx: Context): PreventionItem {
  const doses = dosesOf(ctx, rule.vaccines);
  const schedules = rule.schedules;
  const firstBand = schedules[0];
  const lastBand = schedules[schedules.length - 1];
  if (!firstBand || !lastBand) return itemOf(rule, "NOT_APPLICABLE", "Aucun schéma n'est défini.");
  const start = doses[0];
  if (start === undefined) {
    if (ctx.years < firstBand.fromYears) {
      const due = birthday(ctx, firstBand.fromYears);
      return itemOf(rule, "NOT_DUE", `Cette vaccination est recommandée à partir de ${firstBand.fromYears} ans, le ${frDay(due)} (${firstBand.offsetsMonths.length} doses jusqu'à ${firstBand.toYears} ans).`, { due, dose: 1 });
    }
    const band = schedules.find((s) => ctx.years >= s.fromYears && ctx.years <= s.toYears);
    if (!band) return itemOf(rule, "NOT_APPLICABLE", `${ageText(ctx)} : cette vaccination est recommandée jusqu'à ${lastBand.toYears} ans.`);
    const due = birthday(ctx, band.fromYears);
    const catchUp = band !== firstBand ? " en rattrapage" : "";
    return itemOf(rule, "DUE", `${ageText(ctx)} et aucune dose n'est enregistrée : la vaccination est recommandée${catchUp} entre ${band.fromYears} et ${band.toYears} ans, en ${band.offsetsMonths.length} doses.`, { due, dose: 1 });
  }
  const startAge = completedYears(ctx.facts.birthDate, start);
  const band = schedules.find((s) => startAge <= s.toYears) ?? lastBand;
  const needed = band.offsetsMonths.length;
  if (doses.length >= needed) {
    return itemOf(rule, "COMPLETE", `Les ${needed} doses sont enregistrées (la première le ${frDay(start)}, à ${startAge} ans).`);
  }
  if (ctx.years > lastBand.toYears) {
    return itemOf(rule, "NOT_APPLICABLE", `${ageText(ctx)} : ${agreeWith(doses.length, `${doses.length} dose(s) sur ${needed} enregistrée(s)`)} ; la vaccination est recommandée jusqu'à ${lastBand.toYears} ans, ${ctx.voice.askDoctor}.`);
  }
  const dose = doses.length + 1;
  const due = addMonths(start, band.offsetsMonths[doses.length] ?? 0);
  const text = `Vaccination commencée le ${frDay(start)} (à ${startAge} ans) : ${needed} doses sont prévues, ${agreeWith(doses.length, `${doses.length} enregistrée(s)`)}.`;
  if (ctx.date < due) return itemOf(rule, "NOT_DUE", `${text} La dose ${dose} est prévue à partir du ${frDay(due)}.`, { due, dose });
  return itemOf(rule, "DUE", `${text} La dose ${dose} est à faire.`, { due, dose });
}
