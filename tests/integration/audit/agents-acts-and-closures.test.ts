import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/access/actor";
import { agentsActsAndClosures } from "@/server/audit/agents-acts-and-closures";
import { auditRow, insertAuditRows } from "@/server/audit/write-audit";
import { createRepository, systemRepository, type Repository } from "@/server/fhir/repository";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient } from "@/lib/fhir/builders/people";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";

const db = useTestDatabase();

/**
 * « Dernière action » on /espace/proches: when each caregiver last acted in the patient's space.
 * The rule, written out here rather than taken from the code: the newest successful row of that
 * caregiver in this patient's trail, on this patient's behalf; a refused or failed attempt, an
 * act in another person's space, and the person's own acts say nothing about it.
 */
type Arrival = { agent: number; space: "this" | "other"; outcome: "success" | "denied" | "failure"; minutesAgo: number };

let patientId = "";
let otherPatientId = "";
let patient: Repository;
const caregivers = [newId(), newId(), newId()];
const BASE = Date.UTC(2026, 10, 1, 12);

beforeAll(async () => {
  const system = await systemRepository("last-acts-tests");
  patientId = (await system.create(aPatient({ given: "Camille", family: "Proches" }))).id!;
  otherPatientId = (await system.create(aPatient({ given: "Autre", family: "Espace" }))).id!;
  patient = await createRepository({ kind: "patient", accountId: newId(), patientId });
}, 60_000);

const caregiver = (agent: number, space: string): Actor => ({ kind: "delegate", accountId: newId(), selfPatientId: caregivers[agent]!, patientId: space, relatedPersonId: newId() });

function rowOf(a: Arrival) {
  const space = a.space === "this" ? patientId : otherPatientId;
  return auditRow(caregiver(a.agent, space), {}, { patientId: space, entity: "DocumentReference", interaction: "read", outcome: a.outcome }, new Date(BASE - a.minutesAgo * 60_000));
}

function expected(arrivals: Arrival[]): Map<string, number> {
  const last = new Map<string, number>();
  for (const a of arrivals) {
    if (a.space !== "this" || a.outcome !== "success") continue;
    const at = BASE - a.minutesAgo * 60_000;
    const id = caregivers[a.agent]!;
    if (at > (last.get(id) ?? -Infinity)) last.set(id, at);
  }
  return last;
}

const lastActsOfAgents = async (repo: Repository, space: string, agents: string[]) => (await agentsActsAndClosures(repo, space, agents)).lastActs;
const asTimes = (found: Map<string, Date>) => new Map([...found].map(([id, at]) => [id, at.getTime()]));

describe("when each caregiver last acted (agentsActsAndClosures)", () => {
  it("is the newest success on the patient's behalf, older rows arriving after newer ones, refusals and other spaces ignored (property)", async () => {
    const all: Arrival[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            agent: fc.integer({ min: 0, max: 2 }),
            space: fc.constantFrom<Arrival["space"]>("this", "other"),
            outcome: fc.constantFrom<Arrival["outcome"]>("success", "denied", "failure"),
            minutesAgo: fc.integer({ min: 0, max: 500_000 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        async (batch) => {
          await insertAuditRows(db().sql, batch.map(rowOf));
          all.push(...batch);
          // The person's own acts in her space are in the trail too, and name no caregiver.
          await patient.read("Patient", patientId);
          expect(asTimes(await lastActsOfAgents(patient, patientId, caregivers))).toEqual(expected(all));
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it("names only the caregivers asked about, and none of them to someone who may not read the trail", async () => {
    await insertAuditRows(db().sql, [rowOf({ agent: 0, space: "this", outcome: "success", minutesAgo: 1 })]);
    const asked = await lastActsOfAgents(patient, patientId, [caregivers[0]!]);
    expect([...asked.keys()]).toEqual([caregivers[0]]);
    expect(await lastActsOfAgents(patient, patientId, [])).toEqual(new Map());
    const stranger = await createRepository({ kind: "practitioner", accountId: newId(), practitionerId: newId() });
    expect(await lastActsOfAgents(stranger, patientId, caregivers)).toEqual(new Map());
  });
});

describe("which agents of a space have their account closed (agentsActsAndClosures)", () => {
  it("names those a delegation of this space names whose own space is closed or erased, to whoever may list its delegations, and no one else", async () => {
    const system = await systemRepository("last-acts-tests");
    const open = (await system.create(aPatient({ given: "Ouverte", family: "Agent" }))).id!;
    const closed = (await system.create({ ...aPatient({ given: "Fermee", family: "Agent" }), active: false })).id!;
    const erased = newId(); // her Patient gone with her space (jobs/erase-closed-spaces.ts)
    const elsewhere = (await system.create({ ...aPatient({ given: "Ailleurs", family: "Agent" }), active: false })).id!;
    for (const agent of [open, closed, erased]) await system.create(aDelegation({ patientId, agentPatientId: agent, scopes: ["documents:read"], end: "2099-01-01" }));
    const asked = [open, closed, erased, elsewhere, "pas-un-uuid"];
    expect([...(await agentsActsAndClosures(patient, patientId, asked)).closed].sort()).toEqual([closed, erased].sort());
    const stranger = await createRepository({ kind: "practitioner", accountId: newId(), practitionerId: newId() });
    expect((await agentsActsAndClosures(stranger, patientId, asked)).closed).toEqual(new Set());
    const otherPatient = await createRepository({ kind: "patient", accountId: newId(), patientId: otherPatientId });
    expect((await agentsActsAndClosures(otherPatient, patientId, asked)).closed).toEqual(new Set());
  });
});
