import type { MedicationRequest } from "@medplum/fhirtypes";
import type { Actor, LinkActor } from "@/server/access/actor";
import { createRepository, systemRepository, type Repository } from "@/server/fhir/repository";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aDispense, aPrescription, type PrescriptionLine } from "@/lib/fhir/builders/prescriptions";
import { defaultValidityDay } from "@/lib/prescriptions/validity";
import { aDelegation } from "@/lib/fhir/builders/rules";

/**
 * A small record for the prescription and link tests, with fresh ids (the server test database
 * is shared by the files of a run): Camille and Jean (patients), Dr Bernard (their prescriber),
 * Camille as Jean's caregiver with prescriptions:read and prescriptions:share, Nadia as Jean's
 * caregiver with prescriptions:read only, and prescriptions in every state.
 */
export type World = Awaited<ReturnType<typeof buildWorld>>;

export const LINES: PrescriptionLine[] = [
  { medication: "Amoxicilline 1 g, comprimé", atc: "J01CA04", dosage: "1 comprimé matin et soir pendant 7 jours", quantity: { value: 14, unit: "comprimé(s)" } },
  { medication: "Paracétamol 1 g, comprimé", atc: "N02BE01", dosage: "1 comprimé jusqu'à 3 fois par jour si douleur", quantity: { value: 2, unit: "boîte(s)" }, repeats: 1 },
];

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

export async function buildWorld() {
  const system = await systemRepository("prescriptions-tests");
  const bernard = await system.create(aPractitioner({ given: "Sophie", family: "Bernard" }));
  const camilleId = (await system.create(aPatient({ given: "Camille", family: "Martin", birthDate: "1985-03-14" }))).id!;
  const jeanId = (await system.create(aPatient({ given: "Jean", family: "Martin", birthDate: "1950-06-02" }))).id!;
  const nadiaId = (await system.create(aPatient({ given: "Nadia", family: "Benali", birthDate: "1979-11-30" }))).id!;
  const camilleForJean = await system.create(aDelegation({ patientId: jeanId, agentPatientId: camilleId, scopes: ["prescriptions:read", "prescriptions:share"] }));
  const nadiaForJean = await system.create(aDelegation({ patientId: jeanId, agentPatientId: nadiaId, scopes: ["prescriptions:read"] }));

  async function addPrescription(patientId: string, options: { lines?: PrescriptionLine[]; authoredOn?: string; validUntil?: string; status?: MedicationRequest["status"] } = {}) {
    const prescriptionId = newId();
    const requests: MedicationRequest[] = [];
    for (const line of aPrescription({ prescriptionId, patientId, requesterId: bernard.id!, lines: options.lines ?? LINES, ...options })) {
      requests.push(await system.create(line));
    }
    return { prescriptionId, requests };
  }

  const camilleActive = await addPrescription(camilleId, { authoredOn: daysAgo(2) });
  const camilleOld = await addPrescription(camilleId, { authoredOn: daysAgo(200), validUntil: defaultValidityDay(daysAgo(200)) });
  const camilleDispensed = await addPrescription(camilleId, { authoredOn: daysAgo(30), lines: [LINES[0]!], status: "completed" });
  await system.create(aDispense({ request: camilleDispensed.requests[0]!, pharmacyId: newId(), whenHandedOver: daysAgo(29) }));
  const jeanActive = await addPrescription(jeanId, { authoredOn: daysAgo(1) });

  const actors = {
    camille: { kind: "patient", accountId: newId(), patientId: camilleId } satisfies Actor,
    jean: { kind: "patient", accountId: newId(), patientId: jeanId } satisfies Actor,
    camilleForJean: { kind: "delegate", accountId: newId(), selfPatientId: camilleId, patientId: jeanId, relatedPersonId: camilleForJean.id! } satisfies Actor,
    nadiaForJean: { kind: "delegate", accountId: newId(), selfPatientId: nadiaId, patientId: jeanId, relatedPersonId: nadiaForJean.id! } satisfies Actor,
    bernard: { kind: "practitioner", accountId: newId(), practitionerId: bernard.id! } satisfies Actor,
  };
  const repoFor = (actor: Actor, agentName?: string): Promise<Repository> => createRepository(actor, { agentName, address: "203.0.113.7" });
  const linkActor = (linkId: string, patientId: string, prescriptionId: string, pharmacy = "Pharmacie du Centre"): LinkActor => ({
    kind: "link",
    linkId,
    patientId,
    prescriptionId,
    pharmacy,
  });
  return { system, bernard, camilleId, jeanId, nadiaId, camilleActive, camilleOld, camilleDispensed, jeanActive, actors, repoFor, linkActor, addPrescription };
}
