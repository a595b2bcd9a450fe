import type { Resource } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { insertResources } from "./bulk-insert";

const db = useTestDatabase();

/**
 * Emergency access finds a patient by name and birth date. The store read the first 500 people
 * born that day and matched names among them: the 501st was never found, without a word. A
 * country has thousands of people per birth date; all of them are now read, by batches.
 */
const BIRTH_DATE = "1931-02-14";
const TARGET = "ffffffff-ffff-4fff-bfff-ffffffffffff";
let practitionerId = "";

beforeAll(async () => {
  const system = await systemRepository("emergency-match-tests");
  practitionerId = (await system.create(aPractitioner({ given: "Léa", family: "Garnier" }))).id!;
  const born: Resource[] = Array.from({ length: 1_200 }, (_, i) => ({ ...aPatient({ given: "Jeanne", family: `Autre${i}` }), birthDate: BIRTH_DATE }));
  // Last in id order, so every batch before it is read first.
  born.push({ ...aPatient({ id: TARGET, given: "Zoé", family: "Lefèvre" }), birthDate: BIRTH_DATE });
  await insertResources(db(), born);
}, 120_000);

describe("matching a patient for emergency access", () => {
  it("finds the one person of that name among 1,201 born the same day", async () => {
    const repo = await createRepository({ kind: "practitioner", accountId: newId(), practitionerId });
    expect(await repo.matchPatientsForEmergency({ kind: "identity", family: "LEFEVRE", given: "zoe", birthDate: BIRTH_DATE })).toEqual([TARGET]);
    expect(await repo.matchPatientsForEmergency({ kind: "identity", family: "Lefèvre", birthDate: "1931-02-15" })).toEqual([]);
  });
});
