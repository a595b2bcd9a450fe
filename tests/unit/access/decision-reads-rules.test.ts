import { describe, expect, it } from "vitest";
import { decide, decisionReadsRules } from "@/server/access/decide";
import { emptyRules } from "@/server/access/rules";
import { INTERACTIONS, TYPES } from "./access-spec";
import { NOW, PAT, STATES } from "./access-states";
import { factsFor, rulesOf, VARIANTS } from "./access-variants";

/**
 * The repository loads no rules for the actors decide() decides without them
 * (decisionReadsRules). Checked over the whole truth table: for those actors, every rule set of
 * every state (blocks, authorisations, grants, hidden documents, delegations, emergency) gives
 * the answer that no rules give; for the others, rules change some answer, so the flag cannot
 * drift into skipping rules someone needs.
 */
const RULE_SETS = STATES.flatMap((state) => [rulesOf(state, false), rulesOf(state, true)]);

/** How many answers rules change for this state; with `firstOnly`, stops at the first (1 or 0). */
function answersChangedByRules(state: (typeof STATES)[number], firstOnly = false): number {
  let changed = 0;
  for (const variant of VARIANTS) {
    for (const type of TYPES) {
      const facts = factsFor(type, variant);
      for (const interaction of INTERACTIONS) {
        const without = decide(state.actor, interaction, facts, facts.patientId ? emptyRules(PAT) : undefined, NOW);
        for (const rules of RULE_SETS) {
          const withRules = decide(state.actor, interaction, facts, facts.patientId ? rules : undefined, NOW);
          if (withRules.allow !== without.allow || withRules.reason !== without.reason) {
            changed++;
            if (firstOnly) return changed;
          }
        }
      }
    }
  }
  return changed;
}

describe("decisionReadsRules", () => {
  const skipped = STATES.filter((state) => !decisionReadsRules(state.actor));

  it.each(skipped.map((state) => [state.name, state] as const))("no rule changes an answer for %s", (_name, state) => {
    expect(answersChangedByRules(state)).toBe(0);
  });

  it.each(["guardian", "delegate", "practitioner"] as const)("rules change answers for a %s, whose rules are loaded", (kind) => {
    const states = STATES.filter((state) => state.actor.kind === kind);
    expect(states.every((state) => decisionReadsRules(state.actor))).toBe(true);
    expect(states.some((state) => answersChangedByRules(state, true) > 0)).toBe(true);
  });

  it("skips rules for the patient in their own space, link holders and the system only", () => {
    expect(new Set(skipped.map((state) => state.actor.kind))).toEqual(new Set(["system", "patient", "link"]));
  });
});
