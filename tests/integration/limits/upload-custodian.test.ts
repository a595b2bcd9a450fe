import type { Resource } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient, aPractitioner, aPractitionerRole, anOrganization } from "@/lib/fhir/builders/people";
import { anAuthorisation } from "@/lib/fhir/builders/rules";
import { uploadDocument } from "@/server/documents/upload-document";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { aPdf } from "../documents/world";
import { insertResources } from "./bulk-insert";

const db = useTestDatabase();

/**
 * A professional's upload names the facility they practise at. It was looked up in the first 100
 * PractitionerRoles of the whole directory: past them, documents had no facility. Their own
 * roles are now found by index, wherever they are in a directory of 250.
 */
let patientId = "";
let practitionerId = "";
let organizationId = "";

beforeAll(async () => {
  const system = await systemRepository("upload-custodian-tests");
  patientId = (await system.create(aPatient({ given: "Alix" }))).id!;
  practitionerId = (await system.create(aPractitioner({ given: "Léa", family: "Garnier" }))).id!;
  organizationId = (await system.create(anOrganization({ id: newId(), name: "Clinique du Parc" }))).id!;
  const others: Resource[] = Array.from({ length: 250 }, () => aPractitionerRole({ practitionerId: newId(), organizationId: newId() }));
  // Last in the directory's order (by id).
  others.push({ ...aPractitionerRole({ practitionerId, organizationId }), id: "ffffffff-ffff-4fff-bfff-fffffffffffe" });
  await insertResources(db(), others);
  await system.create(anAuthorisation({ patientId, practitionerId }));
}, 120_000);

describe("the facility of a professional's upload", () => {
  it("is the one they practise at, however large the directory", async () => {
    const repo = await createRepository({ kind: "practitioner", accountId: newId(), practitionerId });
    const document = await uploadDocument(repo, { patientId, title: "Compte rendu", kind: "consultation", date: "2026-11-30", bytes: await aPdf(["Compte rendu"]) });
    expect(document.custodian?.reference).toBe(`Organization/${organizationId}`);
  });
});
