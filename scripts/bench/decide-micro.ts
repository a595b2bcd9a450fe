import { decide } from "../../src/server/access/decide";
import type { ResourceFacts } from "../../src/server/access/facts";
import { emptyRules, type PatientRules } from "../../src/server/access/rules";
import { median } from "./stats";

/**
 * One access decision, timed over a mix of actors and resources: the patient's own read, an
 * authorised practitioner on a restricted document, a blocked practitioner, a delegate with
 * scopes. Reports the median of several rounds, in microseconds per decision.
 */
export function benchDecide(rounds = 7, perRound = 200_000) {
  const patientId = "11111111-1111-4111-8111-111111111111";
  const rules: PatientRules = {
    ...emptyRules(patientId),
    authorisations: [{ consentId: "c1", practitionerId: "p1", restricted: true, until: new Date("2030-01-01") }],
    blocked: new Set(["p2"]),
    hiddenDocuments: new Set(["d-hidden"]),
    delegations: [
      {
        relatedPersonId: "rp1",
        agentPatientId: "a1",
        kind: "delegate",
        scopes: new Set(["documents:read", "prescriptions:read"]),
        active: true,
        end: new Date("2030-01-01"),
      },
    ],
  };
  const doc = (id: string, confidentiality: "N" | "R" | "V"): ResourceFacts => ({
    resourceType: "DocumentReference",
    id,
    patientId,
    confidentiality,
    labels: [],
    author: "Practitioner/p1",
  });
  const cases = [
    { actor: { kind: "patient", accountId: "x", patientId } as const, facts: doc("d1", "N") },
    { actor: { kind: "practitioner", accountId: "x", practitionerId: "p1" } as const, facts: doc("d2", "R") },
    { actor: { kind: "practitioner", accountId: "x", practitionerId: "p2" } as const, facts: doc("d3", "N") },
    { actor: { kind: "practitioner", accountId: "x", practitionerId: "p1" } as const, facts: doc("d-hidden", "N") },
    {
      actor: { kind: "delegate", accountId: "x", selfPatientId: "a1", patientId, relatedPersonId: "rp1" } as const,
      facts: doc("d4", "N"),
    },
  ];
  const now = new Date("2026-11-23T10:00:00Z");
  let allowed = 0;
  const perDecisionUs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < perRound; i++) {
      const c = cases[i % cases.length]!;
      if (decide(c.actor, "read", c.facts, rules, now).allow) allowed++;
    }
    perDecisionUs.push(Number(process.hrtime.bigint() - start) / 1000 / perRound);
  }
  return { medianUs: median(perDecisionUs), rounds, perRound, allowedShare: allowed / (rounds * perRound) };
}
