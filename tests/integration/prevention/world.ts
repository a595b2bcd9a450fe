import { systemRepository } from "@/server/fhir/repository";
import { aCondition, anImmunization, CONDITIONS, VACCINES } from "@/lib/fhir/builders/record";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aDelegation, aGuardianship, anAuthorisation } from "@/lib/fhir/builders/rules";
import { signIn, type SignedIn } from "../fhir-api/http";

/**
 * A small record for the prevention tests, fresh ids each run: Jean (born 1950, diabetic, last
 * dTP at 65), Léo (born 2016) whose guardian is Camille, Nadia as Jean's caregiver with
 * record:read only, Dr Bernard authorised by Jean, Dr Petit authorised by nobody.
 */
export async function buildWorld() {
  const system = await systemRepository("prevention-tests");
  const jean = (await system.create(aPatient({ given: "Jean", family: "Martin", gender: "male", birthDate: "1950-06-02" }))).id!;
  const camille = (await system.create(aPatient({ given: "Camille", family: "Martin", birthDate: "1985-03-14" }))).id!;
  const leo = (await system.create(aPatient({ given: "Léo", family: "Martin", gender: "male", birthDate: "2016-09-10" }))).id!;
  const nadia = (await system.create(aPatient({ given: "Nadia", family: "Benali", birthDate: "1992-11-25" }))).id!;
  const bernard = (await system.create(aPractitioner({ given: "Sophie", family: "Bernard" }))).id!;
  const petit = (await system.create(aPractitioner({ given: "Marc", family: "Petit" }))).id!;
  await system.create(anImmunization({ patientId: jean, vaccine: VACCINES.dtp, date: "2015-06-15T10:00:00+02:00" }));
  await system.create(aCondition({ patientId: jean, condition: CONDITIONS.diabetes2, onset: "2008-03-01" }));
  await system.create(anAuthorisation({ patientId: jean, practitionerId: bernard }));
  await system.create(aGuardianship({ patientId: leo, agentPatientId: camille, scopes: [] }));
  await system.create(aDelegation({ patientId: jean, agentPatientId: nadia, scopes: ["record:read"] }));
  const sessions = {
    jean: await signIn(`Patient/${jean}`, { name: "Jean Martin" }),
    camilleForLeo: await signIn(`Patient/${camille}`, { space: leo, name: "Camille Martin" }),
    nadiaForJean: await signIn(`Patient/${nadia}`, { space: jean, name: "Nadia Benali" }),
    bernard: await signIn(`Practitioner/${bernard}`, { name: "Dr Sophie Bernard" }),
    petit: await signIn(`Practitioner/${petit}`, { name: "Dr Marc Petit" }),
  } satisfies Record<string, SignedIn>;
  return { ids: { jean, camille, leo, nadia, bernard, petit }, sessions };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
