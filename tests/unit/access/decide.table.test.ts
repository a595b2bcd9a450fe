import { describe, expect, it } from "vitest";
import { decide } from "@/server/access/decide";
import type { Reason } from "@/server/access/decision";
import type { Interaction } from "@/server/access/facts";
import { emptyRules } from "@/server/access/rules";
import { expected, INTERACTIONS, TYPES, type Type, type Variant } from "./access-spec";
import { NOW, PAT, PRO, PRO2, RX, STATES } from "./access-states";
import { factsFor, rulesOf, VARIANTS } from "./access-variants";

/**
 * decide() as a truth table: every actor state × every resource variant (confidentiality N/R/V,
 * minor-secret or not, hidden or not, who wrote it, in the link's prescription or not) × every
 * resource type × every interaction. The expected answer of each cell comes from the separate
 * statement of the rules in access-spec.ts; the decided reason must be one the spec gives.
 */
type Cell = { state: string; variant: Variant; type: Type; interaction: Interaction };

describe("decide(), the access decision, as a truth table", () => {
  it("answers every cell as the statement of the rules says, with a reason that applies", () => {
    const mismatches: string[] = [];
    const reasonsSeen = new Map<Reason, number>();
    let cells = 0;
    let allowed = 0;
    for (const state of STATES) {
      const rules = { plain: rulesOf(state, false), hidden: rulesOf(state, true) };
      for (const variant of VARIANTS) {
        for (const type of TYPES) {
          const facts = factsFor(type, variant);
          const patientRules = type === "Practitioner" ? undefined : variant.hidden ? rules.hidden : rules.plain;
          for (const interaction of INTERACTIONS) {
            const cell: Cell = { state: state.name, variant, type, interaction };
            const want = expected(state.who, type, interaction, variant);
            const got = decide(state.actor, interaction, facts, patientRules, NOW);
            cells++;
            if (got.allow) allowed++;
            reasonsSeen.set(got.reason, (reasonsSeen.get(got.reason) ?? 0) + 1);
            const ok = want.allow ? got.allow && got.reason === want.reason : !got.allow && want.reasons.includes(got.reason);
            if (!ok) mismatches.push(`${JSON.stringify(cell)} expected ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
          }
        }
      }
    }
    console.log(
      `decide() truth table: ${cells} cells (${STATES.length} actor states × ${VARIANTS.length} resource variants × ${TYPES.length} types × ${INTERACTIONS.length} interactions), ${allowed} allowed, ${cells - allowed} denied, ${mismatches.length} mismatches`,
    );
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(cells).toBe(STATES.length * VARIANTS.length * TYPES.length * INTERACTIONS.length);
    // Every key denial is actually produced somewhere in the table.
    for (const reason of ["blocked", "hidden", "confidentiality", "secret", "minor-secret", "delegation-inactive", "scope-missing", "not-authorised", "other-patient", "outside-link", "not-author"] as const) {
      expect(reasonsSeen.get(reason) ?? 0, reason).toBeGreaterThan(0);
    }
  });

  // The key refusals, written out one by one with the exact reason the audit trail records.
  const plain: Variant = { confidentiality: "N", minorSecret: false, hidden: false, author: "this-practitioner", inLinkPrescription: true };
  const KEY_ROWS: { state: string; type: Type; interaction: Interaction; variant?: Partial<Variant>; allow: boolean; reason: Reason }[] = [
    { state: "practitioner: blocked", type: "DocumentReference", interaction: "read", allow: false, reason: "blocked" },
    { state: "practitioner: blocked and authorised (R)", type: "Patient", interaction: "search", allow: false, reason: "blocked" },
    { state: "practitioner: blocked, with emergency access open", type: "DocumentReference", interaction: "read", allow: false, reason: "blocked" },
    { state: "practitioner: standing authorisation", type: "DocumentReference", interaction: "read", variant: { hidden: true }, allow: false, reason: "hidden" },
    { state: "practitioner: standing authorisation", type: "Binary", interaction: "read", variant: { hidden: true }, allow: false, reason: "hidden" },
    { state: "practitioner: standing authorisation", type: "MedicationRequest", interaction: "read", variant: { hidden: true }, allow: true, reason: "authorised" },
    { state: "practitioner: standing authorisation", type: "DocumentReference", interaction: "search", variant: { confidentiality: "R" }, allow: false, reason: "confidentiality" },
    { state: "practitioner: standing authorisation with restricted (R) documents", type: "DocumentReference", interaction: "search", variant: { confidentiality: "R" }, allow: true, reason: "authorised" },
    { state: "practitioner: standing authorisation with restricted (R) documents", type: "DocumentReference", interaction: "read", variant: { confidentiality: "V" }, allow: false, reason: "secret" },
    { state: "practitioner: emergency open, patient left it on (default)", type: "DocumentReference", interaction: "read", allow: true, reason: "emergency" },
    { state: "practitioner: emergency open, patient left it on (default)", type: "DocumentReference", interaction: "read", variant: { confidentiality: "R" }, allow: false, reason: "confidentiality" },
    { state: "practitioner: emergency open, patient left it on (default)", type: "DocumentReference", interaction: "create", allow: false, reason: "not-authorised" },
    { state: "practitioner: emergency open, patient refuses it", type: "DocumentReference", interaction: "read", allow: false, reason: "not-authorised" },
    { state: "practitioner: grant expired", type: "Patient", interaction: "read", allow: false, reason: "not-authorised" },
    { state: "delegate: expired", type: "DocumentReference", interaction: "read", allow: false, reason: "delegation-inactive" },
    { state: "delegate: revoked", type: "Patient", interaction: "read", allow: false, reason: "delegation-inactive" },
    { state: "delegate: not yet started", type: "MedicationRequest", interaction: "read", allow: false, reason: "delegation-inactive" },
    { state: "delegate: live, only documents:read", type: "MedicationRequest", interaction: "search", allow: false, reason: "scope-missing" },
    { state: "delegate: live, only documents:read", type: "DocumentReference", interaction: "create", allow: false, reason: "scope-missing" },
    { state: "delegate: live, only prescriptions:read", type: "MedicationRequest", interaction: "share", allow: false, reason: "scope-missing" },
    { state: "delegate: live, only prescriptions:share", type: "MedicationRequest", interaction: "share", allow: true, reason: "delegation" },
    { state: "delegate: live, every scope", type: "DocumentReference", interaction: "read", variant: { confidentiality: "V" }, allow: false, reason: "secret" },
    { state: "delegate: live, every scope", type: "AuditEvent", interaction: "delete", allow: false, reason: "read-only" },
    // A caregiver never writes delegations, whatever they were given (SECURITY-CASES 23, 40).
    { state: "delegate: live, every scope", type: "RelatedPerson", interaction: "create", allow: false, reason: "scope-missing" },
    { state: "delegate: live, every scope", type: "RelatedPerson", interaction: "update", allow: false, reason: "scope-missing" },
    { state: "delegate: live, every scope", type: "RelatedPerson", interaction: "delete", allow: false, reason: "scope-missing" },
    { state: "delegate: live, only privacy:manage", type: "RelatedPerson", interaction: "read", allow: true, reason: "delegation" },
    // "See who looked at my record" is a right of its own; managing sharing includes it (decide.ts).
    { state: "delegate: live, only audit:read", type: "AuditEvent", interaction: "search", allow: true, reason: "delegation" },
    { state: "delegate: live, only audit:read", type: "AuditEvent", interaction: "read", allow: true, reason: "delegation" },
    { state: "delegate: live, only audit:read", type: "AuditEvent", interaction: "delete", allow: false, reason: "read-only" },
    { state: "delegate: live, only audit:read", type: "Consent", interaction: "create", allow: false, reason: "scope-missing" },
    { state: "delegate: live, only audit:read", type: "Consent", interaction: "read", allow: false, reason: "scope-missing" },
    { state: "delegate: live, only audit:read", type: "RelatedPerson", interaction: "read", allow: false, reason: "scope-missing" },
    { state: "delegate: live, only audit:read", type: "DocumentReference", interaction: "read", allow: false, reason: "scope-missing" },
    { state: "delegate: live, only audit:read", type: "Patient", interaction: "update", allow: false, reason: "scope-missing" },
    { state: "delegate: live, only privacy:manage", type: "AuditEvent", interaction: "search", allow: true, reason: "delegation" },
    { state: "delegate: live, only documents:read", type: "AuditEvent", interaction: "search", allow: false, reason: "scope-missing" },
    { state: "guardian: live, every scope", type: "RelatedPerson", interaction: "create", allow: true, reason: "guardian" },
    // One relationship applies to a person named twice (applicable-delegation.ts).
    { state: "delegate: live, but also the patient's guardian", type: "DocumentReference", interaction: "read", allow: false, reason: "delegation-inactive" },
    { state: "delegate: live, but a later delegation of theirs applies", type: "DocumentReference", interaction: "read", allow: false, reason: "delegation-inactive" },
    { state: "delegate: live, beside an older delegation of theirs with more scopes", type: "MedicationRequest", interaction: "read", allow: false, reason: "scope-missing" },
    { state: "guardian: live, every scope", type: "DocumentReference", interaction: "read", variant: { minorSecret: true }, allow: false, reason: "minor-secret" },
    { state: "guardian: live, every scope", type: "DocumentReference", interaction: "read", variant: { confidentiality: "V" }, allow: true, reason: "guardian" },
    { state: "guardian: expired", type: "DocumentReference", interaction: "read", allow: false, reason: "delegation-inactive" },
    { state: "link: its own patient", type: "MedicationRequest", interaction: "dispense", allow: true, reason: "share-link" },
    { state: "link: its own patient", type: "MedicationRequest", interaction: "read", variant: { inLinkPrescription: false }, allow: false, reason: "outside-link" },
    { state: "link: its own patient", type: "DocumentReference", interaction: "read", allow: false, reason: "outside-link" },
    { state: "link: another patient's resource", type: "MedicationRequest", interaction: "read", allow: false, reason: "other-patient" },
    { state: "patient: another patient's resource", type: "DocumentReference", interaction: "read", allow: false, reason: "other-patient" },
    { state: "patient: own space", type: "DocumentReference", interaction: "delete", allow: false, reason: "not-author" },
  ];

  it.each(KEY_ROWS)("$state, $interaction $type $variant: $reason", (row) => {
    const state = STATES.find((s) => s.name === row.state);
    if (!state) throw new Error(`no state named ${row.state}`);
    const variant = { ...plain, ...row.variant };
    const rules = row.type === "Practitioner" ? undefined : rulesOf(state, variant.hidden);
    expect(decide(state.actor, row.interaction, factsFor(row.type, variant), rules, NOW)).toEqual({ allow: row.allow, reason: row.reason });
  });

  it("never lets rules of another patient decide over a resource (the repository must load the right ones)", () => {
    for (const state of STATES.filter((s) => s.actor.kind !== "system")) {
      for (const type of TYPES.filter((t) => t !== "Practitioner")) {
        for (const interaction of INTERACTIONS) {
          const facts = factsFor(type, VARIANTS[0]!);
          expect(decide(state.actor, interaction, facts, { ...rulesOf(state, false), patientId: RX }, NOW).allow).toBe(false);
          expect(decide(state.actor, interaction, facts, undefined, NOW).allow).toBe(false);
          expect(decide(state.actor, interaction, { ...facts, patientId: undefined }, emptyRules(PAT), NOW).allow).toBe(false);
        }
      }
    }
  });

  it("lets only a prescription's prescriber add or change its lines, and no professional record a dispensation (SECURITY-CASES 46)", () => {
    const state = STATES.find((s) => s.name === "practitioner: standing authorisation")!;
    const rules = rulesOf(state, false);
    const line = (authors: string[]) => ({ ...factsFor("MedicationRequest", plain), prescriptionAuthors: authors });
    const own = `Practitioner/${PRO}`;
    const other = `Practitioner/${PRO2}`;
    expect(decide(state.actor, "create", line([]), rules, NOW)).toEqual({ allow: true, reason: "authorised" });
    expect(decide(state.actor, "create", line([own]), rules, NOW)).toEqual({ allow: true, reason: "authorised" });
    expect(decide(state.actor, "update", line([own]), rules, NOW)).toEqual({ allow: true, reason: "authorised" });
    expect(decide(state.actor, "create", line([other]), rules, NOW)).toEqual({ allow: false, reason: "not-author" });
    expect(decide(state.actor, "create", line([own, other]), rules, NOW)).toEqual({ allow: false, reason: "not-author" });
    expect(decide(state.actor, "update", line([other]), rules, NOW)).toEqual({ allow: false, reason: "not-author" });
    // Reading a prescription of several prescribers stays open to whoever may read the record.
    expect(decide(state.actor, "read", line([other]), rules, NOW).allow).toBe(true);
    for (const interaction of ["create", "update", "delete"] as const) {
      expect(decide(state.actor, interaction, factsFor("MedicationDispense", plain), rules, NOW)).toEqual({ allow: false, reason: "not-allowed" });
    }
    expect(decide({ kind: "system", purpose: "seed" }, "create", line([other]), undefined, NOW).allow).toBe(true);
    // A closed prescription (nothing left to dispense) takes no new line, even from its prescriber.
    expect(decide(state.actor, "create", { ...line([own]), prescriptionClosed: true }, rules, NOW)).toEqual({ allow: false, reason: "prescription-closed" });
  });

  it("refuses types it does not know, to everyone but the system", () => {
    for (const state of STATES) {
      const got = decide(state.actor, "read", { resourceType: "Account", patientId: PAT, confidentiality: "N", labels: [] }, emptyRules(PAT), NOW);
      expect(got.allow, state.name).toBe(state.actor.kind === "system");
    }
  });
});
