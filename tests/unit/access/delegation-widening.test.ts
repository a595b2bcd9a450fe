import type { RelatedPerson } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { widensDelegation } from "@/server/access/delegation-widening";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aDelegation, aGuardianship } from "@/lib/fhir/builders/rules";

/**
 * What counts as giving a caregiver more (refused to every request: only the delegations' use
 * cases give more, after the pause), and what counts as taking away (always allowed at once).
 */
const PATIENT = "00000000-0000-4000-8000-000000000001";
const AGENT = "00000000-0000-4000-8000-0000000000a1";
const OTHER = "00000000-0000-4000-8000-0000000000a2";
const NOW = new Date("2026-12-01T08:00:00Z");
const PAST = "2026-11-01T08:00:00Z";
const FUTURE = "2026-12-02T08:00:00Z";

const base = (over: Partial<Parameters<typeof aDelegation>[0]> = {}): RelatedPerson =>
  ({ ...aDelegation({ patientId: PATIENT, agentPatientId: AGENT, scopes: ["documents:read"], start: PAST, end: "2027-06-30", ...over }), id: "rp-1" });

const ROWS: [string, RelatedPerson | undefined, RelatedPerson, boolean][] = [
  ["a new live delegation", undefined, base(), true],
  ["a new delegation with no right at all (the agent still enters the space)", undefined, base({ scopes: [] }), true],
  ["a new delegation starting in the future (a client's own 'pause')", undefined, base({ start: FUTURE }), true],
  ["a new revoked delegation", undefined, base({ active: false }), false],
  ["a right added", base(), base({ scopes: ["documents:read", "privacy:manage"] }), true],
  ["a right taken away", base({ scopes: ["documents:read", "prescriptions:read"] }), base(), false],
  ["a right swapped for another", base(), base({ scopes: ["prescriptions:read"] }), true],
  ["a later last day", base(), base({ end: "2027-12-31" }), true],
  ["no last day any more", base(), base({ end: undefined }), true],
  ["an earlier last day", base(), base({ end: "2027-01-31" }), false],
  ["revoked", base(), base({ active: false }), false],
  ["a revoked delegation brought back", base({ active: false }), base(), true],
  ["another agent named", base(), base({ agentPatientId: OTHER }), true],
  ["a caregiver made a guardian", base(), { ...aGuardianship({ patientId: PATIENT, agentPatientId: AGENT, scopes: [], start: PAST, end: "2027-06-30" }), id: "rp-1" }, true],
  ["a pause cut short", base({ start: FUTURE }), base({ start: NOW.toISOString() }), true],
  ["a pause removed", base({ start: FUTURE }), base({ start: undefined }), true],
  ["a pause made longer", base({ start: FUTURE }), base({ start: "2026-12-05T08:00:00Z" }), false],
  ["the start of a running delegation moved earlier (already in force)", base(), base({ start: "2026-10-01T08:00:00Z" }), false],
  // Without a start, the rules read a delegation as never begun during a minority (rules.ts).
  ["the start of a running delegation taken off", base(), base({ start: undefined }), true],
  ["nothing changed", base(), base(), false],
];

describe("widensDelegation", () => {
  for (const [what, stored, next, widens] of ROWS) {
    it(`${widens ? "gives more" : "gives nothing more"}: ${what}`, () => {
      expect(widensDelegation(PATIENT, next, stored, NOW)).toBe(widens);
    });
  }

  it("reads both versions with the patient's birth date: a caregiver chosen in a child's space kept past 18 gets more", () => {
    // 18 on 15 December 2026: the delegation begun in November ends then, whatever its last day.
    const child = { birthDate: "2008-12-15" };
    const afterBirthday = "2026-12-16T08:00:00Z";
    expect(widensDelegation(PATIENT, base({ start: afterBirthday }), base(), NOW, child)).toBe(true);
    expect(widensDelegation(PATIENT, base({ start: afterBirthday }), base(), NOW)).toBe(false);
    expect(widensDelegation(PATIENT, base({ end: "2027-01-31" }), base(), NOW, child)).toBe(false);
  });

  it("concerns delegations only: any other resource, and a delete, give nothing", () => {
    expect(widensDelegation(PATIENT, aDocument({ patientId: PATIENT }), undefined, NOW)).toBe(false);
    expect(widensDelegation(PATIENT, undefined, base(), NOW)).toBe(false);
  });
});
