import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/server/access/actor";
import { agentsActsAndClosures } from "@/server/audit/agents-acts-and-closures";
import { auditRow, insertAuditRows } from "@/server/audit/write-audit";
import { database } from "@/server/db/client";
import { createRepository, systemRepository, type Repository } from "@/server/fhir/repository";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient } from "@/lib/fhir/builders/people";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { plansOf, type Sent } from "../plan-probe";

const db = useTestDatabase();

/**
 * The relatives page's read of when each caregiver last acted and whose account is closed
 * (agents-acts-and-closures.ts) keeps one plan (issue 16). Written with `CASE WHEN $4::boolean`
 * for what the viewer may know, its custom plans, which fold the booleans, always looked cheaper
 * than the generic one: PostgreSQL planned it again at every view, 0.65 ms of each bind in the
 * pages bench's log, and the relatives page went from 0.90 to 1.07 of the documents page (run
 * 126). The statement the page really sends, prepared and run seven times as seven views would.
 */
let patientId = "";
let patient: Repository;
let auditReader: Repository;
const caregiver = newId();
const reader = newId();

beforeAll(async () => {
  const system = await systemRepository("agents-acts-plan-tests");
  patientId = (await system.create(aPatient({ given: "Camille", family: "Plan" }))).id!;
  for (const agent of [caregiver, reader]) await system.create(aDelegation({ patientId, agentPatientId: agent, scopes: agent === reader ? ["audit:read"] : ["documents:read"], start: "2026-01-01T00:00:00Z", end: "2099-01-01" }));
  const tie = (await system.search("RelatedPerson", { patientId, count: 10 })).resources.find((person) => JSON.stringify(person).includes(reader))!;
  patient = await createRepository({ kind: "patient", accountId: newId(), patientId });
  const readerActor: Actor = { kind: "delegate", accountId: newId(), selfPatientId: reader, patientId, relatedPersonId: tie.id! };
  auditReader = await createRepository(readerActor);
  const acting: Actor = { kind: "delegate", accountId: newId(), selfPatientId: caregiver, patientId, relatedPersonId: newId() };
  await insertAuditRows(db().sql, [auditRow(acting, {}, { patientId, entity: "DocumentReference", interaction: "search", outcome: "success" }, new Date())]);
}, 60_000);

async function sentBy(repo: Repository) {
  const { sql } = await database();
  const spy = vi.spyOn(sql, "query");
  try {
    const found = await agentsActsAndClosures(repo, patientId, [caregiver, reader]);
    const sent: Sent[] = spy.mock.calls.map(([text, params]) => ({ text, params: params ?? [] }));
    return { found, statement: sent.find((s) => s.text.includes("AS asked(agent)")) };
  } finally {
    spy.mockRestore();
  }
}

describe("the relatives page's read of the caregivers' last acts and closed accounts, run again and again", () => {
  it("keeps its plan for the patient, who may know both", async () => {
    const { found, statement } = await sentBy(patient);
    expect([...found.lastActs.keys()]).toEqual([caregiver]);
    expect(statement, "the page's statement").toBeDefined();
    const plans = await plansOf(statement!);
    expect(plans.generic).toBeGreaterThan(0);
    expect(plans.custom).toBeLessThanOrEqual(5);
  });

  it("keeps its plan for a caregiver who may read the trail and not list the ties: their last acts, and no closure", async () => {
    const { found, statement } = await sentBy(auditReader);
    expect([...found.lastActs.keys()]).toEqual([caregiver]);
    expect(found.closed).toEqual(new Set());
    expect(statement!.text).not.toContain("inactive");
    const plans = await plansOf(statement!);
    expect(plans.generic).toBeGreaterThan(0);
  });
});
