import { describe, expect, it } from "vitest";
import { parisDayOf } from "@/lib/dates/paris-day";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { listAuthorisingPatients } from "@/server/practitioners/list-authorising-patients";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aBlock, anAuthorisation } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

describe("a professional's patients", () => {
  it("are those who authorise them now: not blocked, grant not expired, sorted by name, with the grant's end", async () => {
    const system = await systemRepository("auth-tests");
    const doctor = (await system.create(aPractitioner({ given: "Sophie", family: "Test" }))).id ?? "";
    const patient = async (given: string) => (await system.create(aPatient({ given, family: `Test${newId().slice(0, 4)}` }))).id ?? "";
    const [standing, limited, blocked, expired, stranger] = await Promise.all(["Zoé", "Anna", "Bruno", "Chloé", "Denis"].map(patient));
    // A grant's end is a Paris day, shown as that day (not the instant it stops, the day after).
    const until = parisDayOf(new Date(Date.now() + 30 * 86_400_000));
    await system.create(anAuthorisation({ patientId: standing!, practitionerId: doctor }));
    await system.create(anAuthorisation({ patientId: limited!, practitionerId: doctor, until }));
    await system.create(anAuthorisation({ patientId: blocked!, practitionerId: doctor }));
    await system.create(aBlock({ patientId: blocked!, practitionerId: doctor }));
    await system.create(anAuthorisation({ patientId: expired!, practitionerId: doctor, until: new Date(Date.now() - 1000).toISOString() }));
    expect(stranger).toBeTruthy();

    const repo = await createRepository({ kind: "practitioner", accountId: newId(), practitionerId: doctor });
    const patients = await listAuthorisingPatients(repo);
    expect(patients.map((p) => p.patientId)).toEqual([limited, standing]);
    expect(patients[0]?.name).toMatch(/^Anna Test/);
    expect(patients[0]?.lastDay).toBe(until);
    expect(patients[1]?.lastDay).toBeUndefined();
  });

  it("is nobody for a professional nobody authorised", async () => {
    const system = await systemRepository("auth-tests");
    const doctor = (await system.create(aPractitioner({ given: "Inès", family: "Test" }))).id ?? "";
    const repo = await createRepository({ kind: "practitioner", accountId: newId(), practitionerId: doctor });
    expect(await listAuthorisingPatients(repo)).toEqual([]);
  });
});
