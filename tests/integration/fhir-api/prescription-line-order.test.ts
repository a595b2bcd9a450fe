import type { MedicationRequest } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import * as prescriptionPage from "@/pages/espace/ordonnances/[id]";
import { newId } from "@/lib/fhir/builders/ids";
import { aPractitioner } from "@/lib/fhir/builders/people";
import { aPrescription } from "@/lib/fhir/builders/prescriptions";
import { anAuthorisation } from "@/lib/fhir/builders/rules";
import { SYSTEMS } from "@/lib/fhir/systems";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { servePage } from "../pages/pages-route";
import { fhir, resourceOf, sameOrigin, signIn, warmUpValidator } from "./http";

const db = useTestDatabase();

const MEDICINES = ["Paracétamol 1 g", "Ibuprofène 400 mg", "Oméprazole 20 mg", "Amoxicilline 1 g", "Zinc 15 mg", "Magnésium 300 mg"];

const placeOf = (line: MedicationRequest) => line.extension?.find((e) => e.url === SYSTEMS.prescriptionLinePosition)?.valuePositiveInt;

/**
 * A prescription's lines written through the FHIR API by a client that knows nothing of our
 * position extension: the pages showed them after the placed ones and in the order of their ids
 * (random UUIDs), not in the order the prescriber wrote them. Each is now given the next place
 * when written, and an update that leaves it out keeps it.
 */
describe("a prescription's lines written through the FHIR API without a place", () => {
  it("keep the order they were written in, through the API and on the patient's page, across an update", async () => {
    warmUpValidator();
    const system = await systemRepository("prescription-line-order-tests");
    const prescriber = (await system.create(aPractitioner({ given: "Inès", family: "Ordre" }))).id!;
    const patient = await personWithAccount(system, "Olga", "Ordre");
    await system.create(anAuthorisation({ patientId: patient.patientId, practitionerId: prescriber }));
    const doctor = await signIn(`Practitioner/${prescriber}`);
    const prescriptionId = newId();
    const [template] = aPrescription({ prescriptionId, patientId: patient.patientId, requesterId: prescriber, lines: [{ medication: "x", dosage: "1 par jour", quantity: { value: 1, unit: "boîte(s)" } }] });
    const { id: _id, extension: _place, ...unplaced } = template!;

    const written: MedicationRequest[] = [];
    for (const medication of MEDICINES) {
      const answer = await fhir("POST", "MedicationRequest", { cookie: doctor.cookie, body: { ...unplaced, medicationCodeableConcept: { text: medication } }, headers: sameOrigin() });
      expect(answer.status, answer.text).toBe(201);
      written.push(resourceOf<MedicationRequest>(answer));
    }
    expect(written.map(placeOf)).toEqual([1, 2, 3, 4, 5, 6]);

    const read = resourceOf<MedicationRequest>(await fhir("GET", `MedicationRequest/${written[2]!.id}`, { cookie: doctor.cookie }));
    expect(placeOf(read)).toBe(3);
    // The client updates the first line as it wrote it, without the place: it stays first.
    const { extension: _kept, ...asTheClientHasIt } = written[0]!;
    const updated = await fhir("PUT", `MedicationRequest/${written[0]!.id}`, { cookie: doctor.cookie, body: { ...asTheClientHasIt, note: [{ text: "À prendre au repas" }] }, headers: sameOrigin() });
    expect(updated.status, updated.text).toBe(200);
    expect(placeOf(resourceOf<MedicationRequest>(updated))).toBe(1);

    const page = (await servePage(prescriptionPage, `/espace/ordonnances/${prescriptionId}`, { params: { id: prescriptionId }, cookie: patient.session.cookie })).html!;
    const where = MEDICINES.map((medication) => page.indexOf(medication));
    expect(where.every((at) => at >= 0)).toBe(true);
    expect(where).toEqual([...where].sort((a, b) => a - b));
  });

  it("leave a line unplaced in a prescription whose lines were written before places were given, rather than put it before them", async () => {
    warmUpValidator();
    const system = await systemRepository("prescription-line-order-tests");
    const prescriber = (await system.create(aPractitioner({ given: "Noé", family: "Ordre" }))).id!;
    const patient = await personWithAccount(system, "Oscar", "Ordre");
    await system.create(anAuthorisation({ patientId: patient.patientId, practitionerId: prescriber }));
    const doctor = await signIn(`Practitioner/${prescriber}`);
    const prescriptionId = newId();
    const [template] = aPrescription({ prescriptionId, patientId: patient.patientId, requesterId: prescriber, lines: [{ medication: "Ancienne ligne", dosage: "1 par jour", quantity: { value: 1, unit: "boîte(s)" } }] });
    const { id: _id, extension: _place, ...unplaced } = template!;
    // Written before places were given: stored without one (the repository now gives one to every new line).
    const old = await system.create<MedicationRequest>(unplaced);
    await db().sql.query("UPDATE fhir_resource SET content = content - 'extension' WHERE id = $1::uuid", [old.id]);
    const answer = await fhir("POST", "MedicationRequest", { cookie: doctor.cookie, body: { ...unplaced, medicationCodeableConcept: { text: "Nouvelle ligne" } }, headers: sameOrigin() });
    expect(answer.status, answer.text).toBe(201);
    expect(placeOf(resourceOf<MedicationRequest>(answer))).toBeUndefined();
  });
});
