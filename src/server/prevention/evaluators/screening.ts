import { addMonths, addYears, laterOf, type Day } from "../days";
import type { PreventionItem, ProcedureKind, ScreeningRule } from "../types";
import { ageText, birthday, frDay, itemOf, type Context } from "./context";

export const PROCEDURE_LABELS: Record<ProcedureKind, string> = {
  mammography: "mammographie",
  fit: "test de dépistage dans les selles",
  colonoscopy: "coloscopie",
  cytology: "examen cytologique (frottis)",
  "hpv-test": "test HPV",
  bilan: "bilan prévention",
  "child-exam": "examen de santé de l'enfant",
  dental: "examen bucco-dentaire",
};

/** The latest of these procedures, oldest-first list of the person's, with its kind. */
export function latestProcedure(ctx: Context, kinds: readonly ProcedureKind[]): { kind: ProcedureKind; date: Day } | undefined {
  let latest: { kind: ProcedureKind; date: Day } | undefined;
  for (const p of ctx.facts.procedures) {
    if (!kinds.includes(p.kind) || p.date > ctx.date) continue;
    if (!latest || p.date > latest.date) latest = p;
  }
  return latest;
}

/**
 * Organised screening: the first test at the band's start, then every N years after the last
 * one; due from that day, overdue six months later (the convention), bounds of the
 * band included (50–74: until the day before the 75th birthday).
 */
export function screening(rule: ScreeningRule, ctx: Context): PreventionItem {
  const who = rule.who;
  const band = `de ${who.fromYears} à ${who.toYears} ans`;
  if (who.sex && ctx.facts.sex !== who.sex) {
    // Listed from five years before the band like a catch-up (group-items.ts): a boy of 10 read
    // « Ce dépistage concerne les femmes de 50 à 74 ans » (found in the browser); a man of 48 still does.
    return itemOf(rule, "NOT_APPLICABLE", `Ce dépistage concerne les ${who.sex === "female" ? "femmes" : "hommes"} ${band}.`, { appliesFrom: birthday(ctx, who.fromYears) });
  }
  if (ctx.years > who.toYears) return itemOf(rule, "NOT_APPLICABLE", `${ageText(ctx)} : ce dépistage organisé concerne les personnes ${band}.`);
  const start = birthday(ctx, who.fromYears);
  const end = birthday(ctx, who.toYears + 1);
  const last = latestProcedure(ctx, rule.tests.map((t) => t.procedure));
  const every = rule.tests.find((t) => t.procedure === last?.kind)?.everyYears ?? 0;
  const next = last ? laterOf(addYears(last.date, every), start) : start;
  const lastText = last ? `dernier examen enregistré : ${PROCEDURE_LABELS[last.kind]} le ${frDay(last.date)}` : "aucun examen de dépistage n'est enregistré";
  if (next >= end) return itemOf(rule, "COMPLETE", `${ageText(ctx)} ; ${lastText}. Le dépistage organisé s'arrête à ${who.toYears} ans.`);
  if (ctx.date < next) {
    if (last) return itemOf(rule, "COMPLETE", `${lastText}. Le prochain est prévu à partir du ${frDay(next)}.`, { next });
    return itemOf(rule, "NOT_DUE", `Ce dépistage est proposé ${band}, tous les ${rule.tests[0]?.everyYears ?? 2} ans ; il commencera pour ${ctx.voice.you} le ${frDay(next)}.`, { due: next });
  }
  const overdueFrom = addMonths(next, rule.overdueAfterMonths);
  const text = `${ageText(ctx)} et ${lastText}. Ce dépistage est proposé ${band}, tous les ${rule.tests[0]?.everyYears ?? 2} ans.`;
  if (ctx.date < overdueFrom) return itemOf(rule, "DUE", text, { due: next });
  return itemOf(rule, "OVERDUE", `${text} Il est en retard depuis le ${frDay(overdueFrom)}.`, { due: next });
}
