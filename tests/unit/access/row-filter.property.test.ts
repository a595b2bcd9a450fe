import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MINOR_SECRET } from "@/lib/fhir/systems";
import { agentRef, type Actor } from "@/server/access/actor";
import { decide } from "@/server/access/decide";
import type { ResourceFacts } from "@/server/access/facts";
import { rowFilter, type RowFilter } from "@/server/access/row-filter";
import type { PatientRules } from "@/server/access/rules";
import { rowFilterSql } from "@/server/fhir/row-filter-sql";
import { confidentialityOf } from "@/server/fhir/columns";
import { arbActor, arbStoredRules, NOW, ROW_FILTER_POOLS, rulesOf } from "./arbitraries";

/**
 * The search filter is derived from decide(); here, with random rules, actors and resources,
 * a resource passes the filter exactly when decide() lets the actor search it. (The SQL text
 * of the filter is run by PostgreSQL in tests/integration/access/row-filter-sql.property.test.ts.)
 */
const pools = ROW_FILTER_POOLS;
const DOCS = ["d0000000-0000-4000-8000-000000000001", "d0000000-0000-4000-8000-000000000002", "d0000000-0000-4000-8000-000000000003"];
const TYPES = ["DocumentReference", "Binary", "MedicationRequest", "MedicationDispense", "Immunization", "Consent", "RelatedPerson", "AuditEvent", "Patient", "Communication"];

const arbFacts = fc
  .record({
    resourceType: fc.constantFrom(...TYPES),
    id: fc.constantFrom(...DOCS),
    labels: fc.subarray(["R", "V", MINOR_SECRET, "ETH"]),
    author: fc.constantFrom(undefined, `Patient/${pools.patientId}`, `Practitioner/${pools.practitioners[0]}`),
    prescriptionId: fc.constantFrom(undefined, ...pools.prescriptions),
    participant: fc.constantFrom(undefined, ...pools.practitioners.map((id) => `Practitioner/${id}`)),
  })
  .map(
    (f): ResourceFacts => ({ ...f, patientId: pools.patientId, confidentiality: confidentialityOf(f.labels) }),
  );

/** What the SQL of rowFilterSql() tests, evaluated on the facts the store keeps in columns. */
function passes(filter: RowFilter, facts: ResourceFacts, rules: PatientRules, actor: Actor): boolean {
  if (filter.kind !== "some") return filter.kind === "all";
  const link = actor.kind === "link" ? actor.prescriptionId : undefined;
  return filter.variants.some(
    (v) =>
      v.confidentiality === facts.confidentiality &&
      v.minorSecret === facts.labels.includes(MINOR_SECRET) &&
      v.hidden === (facts.id !== undefined && rules.hiddenDocuments.has(facts.id)) &&
      v.inLinkPrescription === (link !== undefined && facts.prescriptionId === link) &&
      v.ownConversation === (facts.participant !== undefined && facts.participant === agentRef(actor)),
  );
}

describe("the search filter derived from decide()", () => {
  it("lets a resource through exactly when decide() allows searching it", () => {
    let checked = 0;
    fc.assert(
      fc.property(arbActor(pools), arbStoredRules(pools, DOCS), fc.array(arbFacts, { minLength: 1, maxLength: 12 }), (actor, stored, resources) => {
        const rules = rulesOf(pools, stored);
        for (const facts of resources) {
          const filter = rowFilter(actor, "search", facts.resourceType, rules, NOW);
          expect(passes(filter, facts, rules, actor)).toBe(decide(actor, "search", facts, rules, NOW).allow);
          checked++;
        }
      }),
      { numRuns: 2000 },
    );
    console.log(`row filter vs decide(): ${checked} resources checked`);
  });

  it("never splices a value into the SQL text: ids and prescriptions travel as parameters", () => {
    fc.assert(
      fc.property(arbActor(pools), arbStoredRules(pools, DOCS), fc.constantFrom(...TYPES), (actor, stored, type) => {
        const rules = rulesOf(pools, stored);
        const params: unknown[] = [];
        const sql = rowFilterSql(
          rowFilter(actor, "search", type, rules, NOW),
          { hiddenIds: [...rules.hiddenDocuments], linkPrescriptionId: actor.kind === "link" ? actor.prescriptionId : undefined },
          (value) => {
            params.push(value);
            return `$${params.length}`;
          },
        );
        for (const value of [...rules.hiddenDocuments, ...pools.prescriptions]) expect(sql).not.toContain(value);
      }),
      { numRuns: 500 },
    );
  });
});
