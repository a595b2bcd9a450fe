import { describe, expect, it } from "vitest";
import { decide } from "@/server/access/decide";
import type { Reason } from "@/server/access/decision";
import type { Interaction } from "@/server/access/facts";
import { rulesFromResources, type PatientRules } from "@/server/access/rules";
import { rowFilter } from "@/server/access/row-filter";
import { INTERACTIONS, TYPES, type Type } from "./access-spec";
import { NOW, PAT, STATES } from "./access-states";
import { factsFor, rulesOf, VARIANTS } from "./access-variants";

/**
 * A closed space (« Clôturer mon espace », CSP art. R1111-36: archived from the closure) is read
 * and written by no one but the system, whatever the rules said before: the professional
 * authorised or under emergency access, the caregiver with every scope, the guardian, the link
 * holder, the holder herself.
 */
const closed = (rules: PatientRules): PatientRules => ({ ...rules, closed: true });
const plain = VARIANTS.find((v) => v.confidentiality === "N" && !v.minorSecret && !v.hidden && v.author === "patient" && v.inLinkPrescription)!;

const ROWS: { state: string; type: Type; interaction: Interaction; allow: boolean; reason: Reason }[] = [
  { state: "practitioner: standing authorisation with restricted (R) documents", type: "DocumentReference", interaction: "read", allow: false, reason: "space-closed" },
  { state: "practitioner: standing authorisation", type: "Patient", interaction: "search", allow: false, reason: "space-closed" },
  { state: "practitioner: standing authorisation", type: "DocumentReference", interaction: "create", allow: false, reason: "space-closed" },
  { state: "practitioner: emergency open, patient left it on (default)", type: "DocumentReference", interaction: "read", allow: false, reason: "space-closed" },
  { state: "delegate: live, every scope", type: "DocumentReference", interaction: "read", allow: false, reason: "space-closed" },
  { state: "delegate: live, every scope", type: "MedicationRequest", interaction: "share", allow: false, reason: "space-closed" },
  { state: "delegate: live, only audit:read", type: "AuditEvent", interaction: "search", allow: false, reason: "space-closed" },
  { state: "guardian: live, every scope", type: "RelatedPerson", interaction: "create", allow: false, reason: "space-closed" },
  { state: "link: its own patient", type: "MedicationRequest", interaction: "dispense", allow: false, reason: "space-closed" },
  { state: "link: its own patient", type: "Patient", interaction: "read", allow: false, reason: "space-closed" },
  { state: "patient: own space", type: "DocumentReference", interaction: "read", allow: false, reason: "space-closed" },
  { state: "patient: own space", type: "Consent", interaction: "update", allow: false, reason: "space-closed" },
  { state: "system", type: "DocumentReference", interaction: "delete", allow: true, reason: "system" },
  // The directory belongs to no patient: a closed space closes nothing of it.
  { state: "practitioner: standing authorisation", type: "Practitioner", interaction: "read", allow: true, reason: "directory" },
];

const stateNamed = (name: string) => {
  const state = STATES.find((s) => s.name === name);
  if (!state) throw new Error(`no state named ${name}`);
  return state;
};

describe("decide() on a closed space", () => {
  it.each(ROWS)("$state, $interaction $type: $reason", (row) => {
    const state = stateNamed(row.state);
    const rules = row.type === "Practitioner" ? undefined : closed(rulesOf(state, false));
    expect(decide(state.actor, row.interaction, factsFor(row.type, plain), rules, NOW)).toEqual({ allow: row.allow, reason: row.reason });
  });

  it("refuses every actor but the system every cell of the truth table", () => {
    const allowed: string[] = [];
    for (const state of STATES.filter((s) => s.actor.kind !== "system")) {
      const rules = { plain: closed(rulesOf(state, false)), hidden: closed(rulesOf(state, true)) };
      for (const variant of VARIANTS) {
        for (const type of TYPES.filter((t) => t !== "Practitioner")) {
          for (const interaction of INTERACTIONS) {
            if (decide(state.actor, interaction, factsFor(type, variant), variant.hidden ? rules.hidden : rules.plain, NOW).allow) allowed.push(`${state.name} ${interaction} ${type}`);
          }
        }
      }
    }
    expect(allowed.slice(0, 10)).toEqual([]);
  });

  it("gives every search of a closed space no row at all (the SQL filter follows decide())", () => {
    for (const state of STATES.filter((s) => s.actor.kind !== "system")) {
      for (const type of TYPES.filter((t) => t !== "Practitioner")) {
        expect(rowFilter(state.actor, "search", type, closed(rulesOf(state, false)), NOW), `${state.name} ${type}`).toEqual({ kind: "none" });
      }
    }
  });

  it("reads the closure from the Patient's `active`, false only once closed", () => {
    expect(rulesFromResources(PAT, [], [], { active: false }).closed).toBe(true);
    expect(rulesFromResources(PAT, [], [], { active: true }).closed).toBeUndefined();
    expect(rulesFromResources(PAT, [], [], {}).closed).toBeUndefined();
  });
});
