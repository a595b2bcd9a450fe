import { afterEach, describe, expect, it } from "vitest";
import type { Actor } from "@/server/access/actor";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient } from "@/lib/fhir/builders/people";
import { aCondition, CONDITIONS } from "@/lib/fhir/builders/record";
import { aDelegation, aDefaultLevel } from "@/lib/fhir/builders/rules";
import { database, type Database } from "@/server/db/client";
import { closeCounters } from "@/server/db/rate-limit-counter";
import { unsafeRulesOf } from "@/server/fhir/load-rules";
import { Repository, systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

/**
 * The wrapped connections of a test: a repository counts its reads (read-limit.ts) on a counter of
 * its connection, flushed on a timer; it is flushed and stopped while the pool is still open, or
 * it would keep trying after the test's database is gone.
 */
const wrapped: Database["sql"][] = [];
afterEach(async () => {
  await Promise.all(wrapped.splice(0).map((sql) => closeCounters(sql)));
});

/** The database, its plain-SQL side counting the reads of a patient's rules (load-rules.ts). */
function counting(db: Database): { db: Database; rulesReads: () => number } {
  let reads = 0;
  const sql = {
    ...db.sql,
    query: <T extends Record<string, unknown>>(text: string, params?: unknown[]) => {
      if (text.includes("resource_type IN ('Consent', 'RelatedPerson', 'Patient')")) reads++;
      return db.sql.query<T>(text, params);
    },
  };
  wrapped.push(sql);
  return { db: { ...db, sql }, rulesReads: () => reads };
}

/**
 * A caregiver's page starts its reads at once (its list, its filters, its banner), and each needs
 * the patient's rules: they must be read once per request, not once per read that started before
 * the first came back (issue 16: four times per view of a caregiver's documents).
 */
describe("a patient's rules, within one request", () => {
  it("are read once by reads started together, which find what they would find one by one", async () => {
    const system = await systemRepository("rules-once-tests");
    const jean = (await system.create(aPatient({ given: "Jean", family: "Règles", birthDate: "1950-06-02" }))).id!;
    const nadia = (await system.create(aPatient({ given: "Nadia", family: "Règles", birthDate: "1992-11-25" }))).id!;
    await system.create(aCondition({ patientId: jean, condition: CONDITIONS.diabetes2, onset: "2008-03-01" }));
    const delegation = (await system.create(aDelegation({ patientId: jean, agentPatientId: nadia, scopes: ["record:read"] }))).id!;
    const actor: Actor = { kind: "delegate", accountId: newId(), selfPatientId: nadia, patientId: jean, relatedPersonId: delegation };

    const { db, rulesReads } = counting(await database());
    const together = new Repository(db, actor);
    const [conditions, documents, facets] = await Promise.all([
      together.search("Condition", { patientId: jean }),
      together.search("DocumentReference", { patientId: jean }),
      together.documentFacets(jean),
    ]);
    expect(rulesReads()).toBe(1);

    const oneByOne = new Repository((await database()), actor);
    expect(conditions.resources).toEqual((await oneByOne.search("Condition", { patientId: jean })).resources);
    expect(documents.resources).toEqual((await oneByOne.search("DocumentReference", { patientId: jean })).resources);
    expect(facets).toEqual(await oneByOne.documentFacets(jean));
    expect(conditions.resources).toHaveLength(1);
  });

  it("are read again once the request changes them", async () => {
    const system = await systemRepository("rules-once-tests");
    const jean = (await system.create(aPatient({ given: "Jean", family: "Règles", birthDate: "1950-06-02" }))).id!;
    const { db, rulesReads } = counting(await database());
    const repo = new Repository(db, { kind: "patient", accountId: newId(), patientId: jean });
    await Promise.all([repo.rules(jean), repo.rules(jean)]);
    expect(rulesReads()).toBe(1);
    await repo.create(aDefaultLevel({ patientId: jean, level: "R" }));
    expect((await repo.rules(jean)).defaultConfidentiality).toBe("R");
    expect(rulesReads()).toBeGreaterThan(1);
  });

  it("are not read again when the request read them to find its actor (a caregiver's space)", async () => {
    const system = await systemRepository("rules-once-tests");
    const jean = (await system.create(aPatient({ given: "Jean", family: "Règles", birthDate: "1950-06-02" }))).id!;
    const nadia = (await system.create(aPatient({ given: "Nadia", family: "Règles", birthDate: "1992-11-25" }))).id!;
    const delegation = (await system.create(aDelegation({ patientId: jean, agentPatientId: nadia, scopes: ["record:read"] }))).id!;
    const actor: Actor = { kind: "delegate", accountId: newId(), selfPatientId: nadia, patientId: jean, relatedPersonId: delegation };
    const { db, rulesReads } = counting(await database());
    const repo = new Repository(db, actor);
    repo.knowRules(await unsafeRulesOf(jean));
    await Promise.all([repo.search("Condition", { patientId: jean }), repo.documentFacets(jean)]);
    expect(rulesReads()).toBe(0);
  });
});
