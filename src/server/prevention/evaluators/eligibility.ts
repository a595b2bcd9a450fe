import { addMonths, laterOf } from "../days";
import type { EligibilityRule, PreventionItem } from "../types";
import { ageText, birthday, CONDITION_LABELS, conditionsInWords, dosesOf, eligibleNow, frDay, hasCondition, itemOf, type Context } from "./context";

/**
 * Vaccines offered from an age or a condition (PCV20, shingles, RSV) and catch-ups: due as soon
 * as the person is eligible, never overdue (the issue's convention).
 */
export function eligibility(rule: EligibilityRule, ctx: Context): PreventionItem {
  const who = rule.who;
  // A catch-up is for those past the age of the routine schedule (calendrier des vaccinations
  // 2025: « rattrapage » of ROR from 18 years for people born since 1980, of MenACWY from 15 to
  // 24): a child is not in it yet, whatever her doses. Before, a 10-year-old with her two
  // childhood ROR doses read « Rougeole … (rattrapage adulte) : à jour » beside her own ROR item.
  if (rule.catchUp && who.fromYears !== undefined && ctx.years < who.fromYears) {
    return itemOf(rule, "NOT_APPLICABLE", `${ageText(ctx)} : ce rattrapage concerne les personnes ${populationText(rule)}.`, { appliesFrom: birthday(ctx, who.fromYears) });
  }
  const doses = dosesOf(ctx, rule.vaccines, rule.countsFromYears ?? 0);
  const last = doses[doses.length - 1];
  if (doses.length >= rule.doses && last) {
    const text = rule.doses === 1 ? `La vaccination est enregistrée le ${frDay(last)}.` : `Les ${rule.doses} doses sont enregistrées (la dernière le ${frDay(last)}).`;
    return itemOf(rule, "COMPLETE", text);
  }
  const { eligible, condition } = eligibleNow(ctx, who);
  const population = populationText(rule);
  if (!eligible) {
    const upcoming = upcomingStart(rule, ctx);
    if (upcoming && !rule.catchUp) {
      return itemOf(rule, "NOT_DUE", `Cette vaccination est recommandée ${population}. Elle le sera pour ${ctx.voice.you} à partir du ${frDay(upcoming)}.`, { due: upcoming, dose: nextDose(rule, doses.length) });
    }
    return itemOf(rule, "NOT_APPLICABLE", `${ageText(ctx)} : cette vaccination est recommandée ${population}.`);
  }
  // Before any dose is said to be due: a live vaccine waits for the end of a pregnancy (the rule's
  // source says why). Not due, with no day: the birth's is not known. The pregnancy is only in
  // the facts of a reader who may see it (context.ts), as for the pertussis item.
  if (rule.notInPregnancy && ctx.facts.conditions.has("pregnancy")) {
    return itemOf(rule, "NOT_DUE", `${ageText(ctx)} et ${ctx.voice.your} dossier mentionne ${CONDITION_LABELS.pregnancy} : ce vaccin vivant ne se fait pas pendant la grossesse. La vaccination ${nounOf(rule)} est à faire après l'accouchement.`, { dose: nextDose(rule, doses.length) });
  }
  const why = condition ? `${ageText(ctx)} et ${ctx.voice.your} dossier mentionne ${CONDITION_LABELS[condition]}` : ageText(ctx);
  const eligibleSince = condition ? birthday(ctx, who.riskFromYears ?? 0) : birthday(ctx, who.fromYears ?? 0);
  const dose = doses.length + 1;
  if (!last) {
    // Doses too young to count are in the record: "none recorded" would be untrue (an infant's
    // MenACWY before the adolescent dose, an MMR dose before 12 months).
    const earlier = rule.countsFromYears ? dosesOf(ctx, rule.vaccines).length > 0 : false;
    const since = rule.countsFromYears === 1 ? " depuis l'âge de 12 mois" : ` depuis l'âge de ${rule.countsFromYears} ans`;
    const none = `aucune vaccination ${nounOf(rule)} n'est enregistrée${earlier ? since : ""}`;
    const start = rule.doses > 1 ? ` (${rule.doses} doses${rule.intervalMonths ? ` à ${rule.intervalMonths} mois d'intervalle` : ""})` : "";
    return itemOf(rule, "DUE", `${why} et ${none}. Elle est recommandée ${population}${start}.`, { due: eligibleSince, dose: nextDose(rule, 0) });
  }
  const due = laterOf(addMonths(last, rule.intervalMonths ?? 0), eligibleSince);
  const text = `${why} ; dose ${doses.length} enregistrée le ${frDay(last)}, ${rule.doses} doses sont prévues.`;
  if (ctx.date < due) return itemOf(rule, "NOT_DUE", `${text} La dose ${dose} est prévue à partir du ${frDay(due)}.`, { due, dose });
  return itemOf(rule, "DUE", `${text} La dose ${dose} est à faire.`, { due, dose });
}

/**
 * The dose to give next, for a series only: a vaccine given once (PCV20, the RSV vaccine of older
 * adults, an adolescent's MenACWY) read « À faire maintenant (dose 1) » on its card, as if a
 * second were to follow (found by the walk of the prevention page).
 */
function nextDose(rule: EligibilityRule, recorded: number): number | undefined {
  return rule.doses > 1 ? recorded + 1 : undefined;
}

/** When the person will enter the population, if they will (an age to reach). */
function upcomingStart(rule: EligibilityRule, ctx: Context): string | undefined {
  const who = rule.who;
  if (who.sex && ctx.facts.sex !== who.sex) return undefined;
  if (who.bornFrom && ctx.facts.birthDate < who.bornFrom) return undefined;
  const starts: number[] = [];
  if (who.fromYears !== undefined && ctx.years < who.fromYears) starts.push(who.fromYears);
  if (hasCondition(ctx, who.conditions) && who.riskFromYears !== undefined && ctx.years < who.riskFromYears) starts.push(who.riskFromYears);
  if (starts.length === 0) return undefined;
  return birthday(ctx, Math.min(...starts));
}

function populationText(rule: EligibilityRule): string {
  const who = rule.who;
  const parts: string[] = [];
  if (who.fromYears !== undefined && who.toYears !== undefined) parts.push(`entre ${who.fromYears} et ${who.toYears} ans`);
  else if (who.fromYears !== undefined) parts.push(`à partir de ${who.fromYears} ans`);
  if (who.conditions && who.conditions.length > 0) {
    const from = who.riskFromYears ? `dès ${who.riskFromYears} ans ` : "";
    parts.push(`${from}pour les personnes ayant ${conditionsInWords(who.conditions)}`);
  }
  const born = who.bornFrom ? `, pour les personnes nées depuis le ${frDay(who.bornFrom)}` : "";
  return parts.join(", ou ") + born;
}

function nounOf(rule: EligibilityRule): string {
  switch (rule.vaccines[0]) {
    case "pcv":
      return "contre le pneumocoque";
    case "zoster":
      return "contre le zona";
    case "rsv":
      return "contre le VRS";
    case "ror":
      return "contre la rougeole, les oreillons et la rubéole";
    case "menacwy":
      return "contre les méningocoques ACWY";
    default:
      return "de ce type";
  }
}
