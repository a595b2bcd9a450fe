import { afterEach, describe, expect, it } from "vitest";
import type { Actor } from "@/server/access/actor";
import { newId } from "@/lib/fhir/builders/ids";
import type { Patient } from "@medplum/fhirtypes";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aCondition, CONDITIONS } from "@/lib/fhir/builders/record";
import { aDelegation, aDefaultLevel, anAuthorisation } from "@/lib/fhir/builders/rules";
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
function counting(db: Database): { db: Database; rulesReads: () => number; patientReads: () => number } {
  let reads = 0;
  let patientReads = 0;
  const sql = {
    ...db.sql,
    query: <T extends Record<string, unknown>>(text: string, params?: unknown[]) => {
      if (text.includes("resource_type IN ('Consent', 'RelatedPerson', 'Patient')")) reads++;
      // A row read by its id (resource-row.ts's loadRow), here a Patient's.
      if (text.includes("WHERE id = $1::uuid AND resource_type = $2") && params?.[1] === "Patient") patientReads++;
      return db.sql.query<T>(text, params);
    },
  };
  wrapped.push(sql);
  return { db: { ...db, sql }, rulesReads: () => reads, patientReads: () => patientReads };
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

  it("bring the patient's own Patient with them: a professional's view of a record and a caregiver's space do not read it again", async () => {
    const system = await systemRepository("rules-once-tests");
    const jean = (await system.create(aPatient({ given: "Jean", family: "Règles", birthDate: "1950-06-02" }))).id!;
    const nadia = (await system.create(aPatient({ given: "Nadia", family: "Règles", birthDate: "1992-11-25" }))).id!;
    const pro = (await system.create(aPractitioner({ given: "Anne", family: "Règles" }))).id!;
    await system.create(anAuthorisation({ patientId: jean, practitionerId: pro }));
    const delegation = (await system.create(aDelegation({ patientId: jean, agentPatientId: nadia, scopes: ["record:read"] }))).id!;
    const caregiver: Actor = { kind: "delegate", accountId: newId(), selfPatientId: nadia, patientId: jean, relatedPersonId: delegation };
    const professional: Actor = { kind: "practitioner", accountId: newId(), practitionerId: pro };

    const viewing = counting(await database());
    const found = await new Repository(viewing.db, professional).searchPatient(jean);
    expect(found?.name?.[0]?.given).toEqual(["Jean"]);
    expect({ rules: viewing.rulesReads(), patient: viewing.patientReads() }).toEqual({ rules: 1, patient: 0 });

    const space = counting(await database());
    const repo = new Repository(space.db, caregiver);
    repo.knowRules(await unsafeRulesOf(jean));
    expect((await repo.read<Patient>("Patient", jean)).birthDate).toBe("1950-06-02");
    expect({ rules: space.rulesReads(), patient: space.patientReads() }).toEqual({ rules: 0, patient: 0 });

    // A patient's own decision reads no rules: the Patient is read alone, once.
    const own = counting(await database());
    expect((await new Repository(own.db, { kind: "patient", accountId: newId(), patientId: jean }).searchPatient(jean))?.id).toBe(jean);
    expect({ rules: own.rulesReads(), patient: own.patientReads() }).toEqual({ rules: 0, patient: 1 });
  });

  it("read a Patient the rules did not bring (deleted, or none by that id) as before", async () => {
    const system = await systemRepository("rules-once-tests");
    const pro = (await system.create(aPractitioner({ given: "Anne", family: "Règles" }))).id!;
    const gone = (await system.create(aPatient({ given: "Paul", family: "Règles", birthDate: "1950-06-02" }))).id!;
    await system.create(anAuthorisation({ patientId: gone, practitionerId: pro }));
    await system.delete("Patient", gone);
    const { db, patientReads } = counting(await database());
    const repo = new Repository(db, { kind: "practitioner", accountId: newId(), practitionerId: pro });
    expect(await repo.searchPatient(gone)).toBeUndefined();
    expect(await repo.searchPatient(newId())).toBeUndefined();
    await expect(repo.read("Patient", gone)).rejects.toThrow();
    expect(patientReads()).toBe(3);
  });
});
