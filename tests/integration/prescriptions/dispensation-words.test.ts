import { describe, expect, it } from "vitest";
import * as prescriptionPage from "@/pages/espace/ordonnances/[id]";
import { newId } from "@/lib/fhir/builders/ids";
import { anOrganization, aPractitioner } from "@/lib/fhir/builders/people";
import { aDispense, aPrescription } from "@/lib/fhir/builders/prescriptions";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { servePage } from "../pages/pages-route";

useTestDatabase();

/**
 * What the patient (and the pharmacist, on the same table) reads of each thing handed over.
 * Walking the pharmacist's journey on a phone: after one inhaler of three, the table said
 * « 1 inhalateur de 120 doses (complète) » above « Reste à délivrer : 2 inhalateurs » — a whole
 * fill, in the HL7 sense, read as « the prescription is complete ». The PDF already said nothing
 * of a whole fill; a partial one says it is a part of a delivery.
 */
describe("a prescription's dispensations table", () => {
  it("says nothing of a whole fill, and calls a partial one « délivrance partielle »", async () => {
    const system = await systemRepository("dispensation-words-tests");
    const prescriber = (await system.create(aPractitioner({ given: "Sophie", family: "Délivre" }))).id!;
    const pharmacy = (await system.create(anOrganization({ name: "Pharmacie des Mots" }))).id!;
    const patient = await personWithAccount(system, "Lou", "Délivrance");
    const prescriptionId = newId();
    const [line] = aPrescription({
      prescriptionId,
      patientId: patient.patientId,
      requesterId: prescriber,
      authoredOn: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      lines: [{ medication: "Salbutamol 100 µg par dose", dosage: "2 bouffées si gêne", quantity: { value: 2, unit: "flacon(s)" }, repeats: 2 }],
    });
    const request = await system.create(line!);
    await system.create(aDispense({ request, pharmacyId: pharmacy, fill: "first", whenHandedOver: new Date(Date.now() - 2 * 86_400_000).toISOString() }));
    await system.create(aDispense({ request, pharmacyId: pharmacy, fill: "partial", quantity: 1, whenHandedOver: new Date(Date.now() - 86_400_000).toISOString() }));
    const page = await servePage(prescriptionPage, `/espace/ordonnances/${prescriptionId}`, { cookie: patient.session.cookie, params: { id: prescriptionId } });
    expect(page.status).toBe(200);
    const table = /<table[^>]*>(?:(?!<\/table>)[\s\S])*Ce que la pharmacie a délivré[\s\S]*?<\/table>/.exec(page.html!)?.[0] ?? "";
    const howMuch = [...table.matchAll(/<tr[^>]*>(?:<td[^>]*>[\s\S]*?<\/td>){3}<td[^>]*>([\s\S]*?)<\/td><\/tr>/g)].map((row) => row[1]!.replace(/<!-- -->/g, "").trim());
    expect(howMuch).toEqual(["1 flacon (délivrance partielle)", "2 flacons"]);
    expect(table).not.toContain("complète");
  });
});
