import { describe, expect, it } from "vitest";
import { systemRepository, createRepository } from "@/server/fhir/repository";
import { sharingOverview } from "@/server/privacy/sharing-overview";
import { aPatient } from "@/lib/fhir/builders/people";
import { aDelegation, aGuardianship } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

/**
 * "En un coup d'œil" lists the people who can act for the patient from the rules the access gate
 * applies: a guardianship that ended at majority (children/majority.ts) is not shown as if the
 * parent could still see the record, while a caregiver the young adult invited is.
 */
describe("the sharing overview's caregivers and guardians", () => {
  it("does not list a parent's guardianship once the child is 18, and lists it before", async () => {
    const system = await systemRepository("sharing-overview-tests");
    const year = new Date().getFullYear();
    const overviewOf = async (birthDate: string) => {
      const childId = (await system.create(aPatient({ given: "Lou", family: "Majeur", birthDate }))).id!;
      const parentId = (await system.create(aPatient({ given: "Ana", family: "Parent" }))).id!;
      const friendId = (await system.create(aPatient({ given: "Eli", family: "Ami" }))).id!;
      await system.create(aGuardianship({ patientId: childId, agentPatientId: parentId, agentName: { given: "Ana", family: "Parent" }, scopes: [] }));
      await system.create(aDelegation({ patientId: childId, agentPatientId: friendId, agentName: { given: "Eli", family: "Ami" }, scopes: ["documents:read"] }));
      const overview = await sharingOverview(await createRepository({ kind: "patient", accountId: `acc-${childId}`, patientId: childId }));
      return overview.delegations.map((d) => `${d.kind} ${d.name}`).sort();
    };
    expect(await overviewOf(`${year - 19}-01-01`)).toEqual(["delegate Eli Ami"]);
    expect(await overviewOf(`${year - 10}-01-01`)).toEqual(["delegate Eli Ami", "guardian Ana Parent"]);
  });
});
