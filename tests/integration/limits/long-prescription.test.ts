import type { MedicationRequest, Resource } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aDispense, aPrescription } from "@/lib/fhir/builders/prescriptions";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { readAllPrescriptions, readPrescription } from "@/server/prescriptions/read-prescriptions";
import { useTestDatabase } from "../../setup/test-database";
import { insertResources } from "./bulk-insert";

const db = useTestDatabase();

/**
 * A long prescription (a line of 3,000 units, handed over one by one 2,100 times): the pages
 * read its dispensations 100 at a time and stopped after 20 pages, so 100 of them were not
 * counted and the remaining quantity was wrong. Every page of them is now read (read-prescriptions.ts,
 * searchAll), and the quantity summed from them all.
 */
const HANDED_OVER = 2_100;
let patientId = "";
let prescriptionId = "";

beforeAll(async () => {
  const system = await systemRepository("long-prescription-tests");
  patientId = (await system.create(aPatient({ given: "Alix" }))).id!;
  const doctor = (await system.create(aPractitioner({ given: "Léa", family: "Garnier" }))).id!;
  prescriptionId = newId();
  const [line] = aPrescription({
    prescriptionId,
    patientId,
    requesterId: doctor,
    lines: [{ medication: "Insuline, stylo", dosage: "selon glycémie", quantity: { value: 1, unit: "stylo(s)" }, repeats: 2_999 }],
  });
  const request = await system.create<MedicationRequest>(line!);
  const dispenses: Resource[] = Array.from({ length: HANDED_OVER }, (_, i) =>
    aDispense({ request, pharmacyId: newId(), quantity: 1, fill: i === 0 ? "first" : "refill", whenHandedOver: new Date(Date.now() - (HANDED_OVER - i) * 60_000).toISOString() }),
  );
  await insertResources(db(), dispenses, () => prescriptionId);
}, 120_000);

describe("the remaining quantity of a long prescription", () => {
  it("counts every dispensation, on the prescription's page and in the list", async () => {
    const repo = await createRepository({ kind: "patient", accountId: newId(), patientId });
    const found = await readPrescription(repo, patientId, prescriptionId, new Date());
    expect(found?.prescription.lines[0]).toMatchObject({ totalQuantity: 3_000, dispensedQuantity: HANDED_OVER, remainingQuantity: 900 });
    const all = await readAllPrescriptions(repo, patientId, new Date());
    expect(all.find((p) => p.id === prescriptionId)?.lines[0]?.remainingQuantity).toBe(900);
  });
});
