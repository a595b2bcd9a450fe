import type { Procedure, Resource } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/access/actor";
import { aCondition, anImmunization, CONDITIONS, VACCINES } from "@/lib/fhir/builders/record";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aBlock, aDelegation, anAuthorisation, confidentialityLabel } from "@/lib/fhir/builders/rules";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { MAX_COUNT } from "@/server/fhir/search-request";
import { loadPreventionRecord } from "@/server/prevention/load-prevention-record";
import { useTestDatabase } from "../../setup/test-database";

const db = useTestDatabase();
const TYPES = ["Immunization", "Condition", "Procedure"] as const;

/**
 * A record whose three prevention types differ in what each actor may see: conditions at the
 * three confidentiality levels, and more procedures than one page holds.
 */
async function buildRecord() {
  const system = await systemRepository("prevention-types-tests");
  const jean = (await system.create(aPatient({ given: "Jean", family: "Types", gender: "male", birthDate: "1950-06-02" }))).id!;
  const nadia = (await system.create(aPatient({ given: "Nadia", family: "Types", birthDate: "1992-11-25" }))).id!;
  const bernard = (await system.create(aPractitioner({ given: "Sophie", family: "Bernard" }))).id!;
  const trusted = (await system.create(aPractitioner({ given: "Paul", family: "Confiance" }))).id!;
  const blocked = (await system.create(aPractitioner({ given: "Marc", family: "Bloqué" }))).id!;
  await system.create(anImmunization({ patientId: jean, vaccine: VACCINES.dtp, date: "2015-06-15T10:00:00+02:00" }));
  for (const level of ["N", "R", "V"] as const) {
    await system.create({ ...aCondition({ patientId: jean, condition: CONDITIONS.diabetes2, onset: "2008-03-01" }), meta: { security: [confidentialityLabel(level)] } });
  }
  for (let i = 0; i < MAX_COUNT + 3; i++) {
    const procedure: Procedure = {
      resourceType: "Procedure",
      status: "completed",
      subject: { reference: `Patient/${jean}` },
      code: { text: `Acte ${i}` },
      performedDateTime: new Date(Date.UTC(2020, 0, 1 + i)).toISOString(),
    };
    await system.create(procedure);
  }
  await system.create(anAuthorisation({ patientId: jean, practitionerId: bernard }));
  await system.create(anAuthorisation({ patientId: jean, practitionerId: trusted, restricted: true }));
  await system.create(aBlock({ patientId: jean, practitionerId: blocked }));
  const delegation = (await system.create(aDelegation({ patientId: jean, agentPatientId: nadia, scopes: ["record:read"] }))).id!;
  const actors: Record<string, Actor> = {
    "Jean himself": { kind: "patient", accountId: newId(), patientId: jean },
    "Nadia, his caregiver (record:read)": { kind: "delegate", accountId: newId(), selfPatientId: nadia, patientId: jean, relatedPersonId: delegation },
    "Dr Bernard, authorised": { kind: "practitioner", accountId: newId(), practitionerId: bernard },
    "Dr Confiance, authorised with restricted documents": { kind: "practitioner", accountId: newId(), practitionerId: trusted },
    "Dr Bloqué, blocked": { kind: "practitioner", accountId: newId(), practitionerId: blocked },
  };
  return { jean, actors };
}

/** The three types as they were read before searchTypes: each alone, page after page. */
async function oneByOne(actor: Actor, patientId: string): Promise<Map<string, string[]>> {
  const repo = await createRepository(actor);
  const found = new Map<string, string[]>();
  for (const type of TYPES) {
    const ids: string[] = [];
    for (let offset = 0; ; offset += MAX_COUNT) {
      const page = await repo.search<Resource>(type, { patientId, count: MAX_COUNT, offset, sort: "-date" });
      ids.push(...page.resources.map((r) => r.id!));
      if (!page.hasMore) break;
    }
    found.set(type, ids);
  }
  return found;
}

/** The trail rows of these types left between two points of the trail, in a stable order. */
async function trailOf(patientId: string, after: bigint, upTo: bigint) {
  const rows = await db().prisma.auditEvent.findMany({
    where: { patientId, seq: { gt: after, lte: upTo }, entity: { in: [...TYPES, TYPES.join(",")] } },
    select: { entity: true, interaction: true, outcome: true, reason: true, detail: true },
  });
  return rows.sort((a, b) => `${a.entity}${JSON.stringify(a.detail)}`.localeCompare(`${b.entity}${JSON.stringify(b.detail)}`));
}

const lastSeq = async () => (await db().prisma.auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;

/**
 * The prevention record reads its three types in one statement (issue 16): each type must still
 * be filtered by its own rules, in the same order, page after page, for every actor who may or
 * may not see the record. The trail holds the look as one search of the three types, saying what
 * it found of each (types-searched.ts); a refusal, as each type's own.
 */
describe("the three prevention types searched together", () => {
  it("find, in order, what three searches find, for every actor, and leave one row saying what each found", async () => {
    const { jean, actors } = await buildRecord();
    const seen = new Map<string, number[]>();
    for (const [label, actor] of Object.entries(actors)) {
      const before = await lastSeq();
      const expected = await oneByOne(actor, jean);
      const between = await lastSeq();
      const repo = await createRepository(actor);
      const together = await repo.searchTypes([...TYPES], { patientId: jean, count: MAX_COUNT, sort: "-date" });
      const after = await lastSeq();
      for (const type of TYPES) {
        // The first page of each type is the first page of its own search.
        expect(together.get(type)!.resources.map((r) => r.id), `${label}: ${type}`).toEqual(expected.get(type)!.slice(0, MAX_COUNT));
        expect(together.get(type)!.hasMore, `${label}: ${type} has more`).toBe(expected.get(type)!.length > MAX_COUNT);
      }
      const alone = (await trailOf(jean, before, between)).filter((row) => (row.detail as { offset?: number } | null)?.offset !== MAX_COUNT);
      expect(alone.length, `${label}: one row per type searched alone`).toBe(TYPES.length);
      const firstPage = (type: string) => Math.min(expected.get(type)!.length, MAX_COUNT);
      expect(await trailOf(jean, between, after), label).toEqual(
        label.includes("blocked")
          ? // Refused, each type's row as alone: the same entity, outcome and reason.
            alone
          : [
              {
                entity: "Immunization,Condition,Procedure",
                interaction: "search",
                outcome: "success",
                reason: null,
                detail: {
                  results: TYPES.reduce((sum, type) => sum + firstPage(type), 0),
                  offset: 0,
                  ...Object.fromEntries(TYPES.map((type) => [`results.${type}`, firstPage(type)])),
                },
              },
            ],
      );
      if (!label.includes("blocked")) {
        // The whole record, past the first page: what the searches found, type by type.
        const record = await loadPreventionRecord(repo, jean);
        const ids = (resources: Resource[]) => resources.map((r) => r.id);
        expect([ids(record.immunizations), ids(record.conditions), ids(record.procedures)], label).toEqual(TYPES.map((type) => expected.get(type)));
      }
      seen.set(label, TYPES.map((type) => expected.get(type)!.length));
    }
    // What each actor sees differs by type and level (N, R, V conditions): each type's rules applied.
    expect(Object.fromEntries(seen)).toEqual({
      "Jean himself": [1, 3, MAX_COUNT + 3],
      "Nadia, his caregiver (record:read)": [1, 2, MAX_COUNT + 3],
      "Dr Bernard, authorised": [1, 1, MAX_COUNT + 3],
      "Dr Confiance, authorised with restricted documents": [1, 2, MAX_COUNT + 3],
      "Dr Bloqué, blocked": [0, 0, 0],
    });
  });
});
