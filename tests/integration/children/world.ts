import { beforeAll } from "vitest";
import type { Observation } from "@medplum/fhirtypes";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aDelegation, aGuardianship, anAuthorisation } from "@/lib/fhir/builders/rules";
import { SYSTEMS } from "@/lib/fhir/systems";
import { growthObservation } from "@/server/children/growth-observation";
import { systemRepository } from "@/server/fhir/repository";
import { signIn, warmUpValidator, type SignedIn } from "../fhir-api/http";

/**
 * A family for the children tests, fresh ids each run: Léo (boy, born 2016-09-10) whose guardians
 * are Camille and Paul; Nadia, who has no right on Léo; Dr Bernard, authorised by Léo's
 * guardians; and, for the secret paths, a document and a measure of Léo's that a professional
 * labelled minor-secret, beside a certificate and a measure that are not secret.
 */
export const MINOR_SECRET_LABEL = { system: SYSTEMS.privacyLabel, code: "minor-secret" };

export async function buildWorld() {
  const system = await systemRepository("children-tests");
  const camille = (await system.create(aPatient({ given: "Camille", family: "Martin", birthDate: "1985-03-14" }))).id!;
  const paul = (await system.create(aPatient({ given: "Paul", family: "Martin", gender: "male", birthDate: "1983-07-02" }))).id!;
  const leo = (await system.create(aPatient({ given: "Léo", family: "Martin", gender: "male", birthDate: "2016-09-10" }))).id!;
  const nadia = (await system.create(aPatient({ given: "Nadia", family: "Benali", birthDate: "1992-11-25" }))).id!;
  const bernard = (await system.create(aPractitioner({ given: "Sophie", family: "Bernard" }))).id!;
  const camilleTie = (await system.create(aGuardianship({ patientId: leo, agentPatientId: camille, scopes: [], agentName: { given: "Camille", family: "Martin" } }))).id!;
  const paulTie = (await system.create(aGuardianship({ patientId: leo, agentPatientId: paul, scopes: [], agentName: { given: "Paul", family: "Martin" } }))).id!;
  await system.create(anAuthorisation({ patientId: leo, practitionerId: bernard }));
  const doctor = `Practitioner/${bernard}`;
  const certificate = (await system.create(aDocument({ patientId: leo, kind: "consultation", author: doctor, title: "Certificat de santé du 24e mois" }))).id!;
  const secretDocument = (
    await system.create({ ...aDocument({ patientId: leo, kind: "consultation", author: doctor, title: "Certificat et consultation confidentielle" }), meta: { security: [MINOR_SECRET_LABEL] } })
  ).id!;
  const secretMeasure = (await system.create<Observation>({ ...growthObservation(leo, "weight", 31.2, "2026-06-01", doctor), meta: { security: [MINOR_SECRET_LABEL] } })).id!;
  const sessions = {
    camilleForLeo: await signIn(`Patient/${camille}`, { space: leo, name: "Camille Martin" }),
    paulForLeo: await signIn(`Patient/${paul}`, { space: leo, name: "Paul Martin" }),
    nadia: await signIn(`Patient/${nadia}`, { name: "Nadia Benali" }),
    bernard: await signIn(`Practitioner/${bernard}`, { name: "Dr Sophie Bernard" }),
  } satisfies Record<string, SignedIn>;
  return { ids: { camille, paul, leo, nadia, bernard, camilleTie, paulTie, certificate, secretDocument, secretMeasure }, sessions };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** A Paris day `years` years before today, shifted by `days` (a birthday that is today, tomorrow, in a month…). */
export function birthDayFor(years: number, days = 0, now = new Date()): string {
  const today = parisDayOf(now);
  const [y, m, d] = today.split("-");
  const sameDay = `${String(Number(y) - years)}-${m}-${m === "02" && d === "29" ? "28" : d}`;
  return addDaysToDay(sameDay, days);
}

/**
 * Camille, a parent, and Rose, the aunt she may make her children's caregiver: made before the
 * file's tests (with the FHIR validator warmed up), read by the getter returned.
 */
export function useParentAndAunt(): () => { camille: string; aunt: string } {
  let family = { camille: "", aunt: "" };
  beforeAll(async () => {
    warmUpValidator();
    const repo = await systemRepository("children-tests");
    const camille = (await repo.create(aPatient({ given: "Camille", family: "Martin", birthDate: "1985-03-14" }))).id!;
    const aunt = (await repo.create(aPatient({ given: "Rose", family: "Tante", birthDate: "1970-01-01" }))).id!;
    family = { camille, aunt };
  }, 120_000);
  return () => family;
}

/**
 * A child (born `birthDate`) whose guardian is `guardian`, and a caregiver the guardian chose for
 * him a month ago, able to read his documents and record until `end` (a Paris day).
 */
export async function aChildWithCaregiver(guardian: string, caregiver: string, birthDate: string, end: string) {
  const repo = await systemRepository("children-tests");
  const child = (await repo.create(aPatient({ given: "Noé", family: "Martin", gender: "male", birthDate }))).id!;
  await repo.create(aGuardianship({ patientId: child, agentPatientId: guardian, scopes: [] }));
  const tie = await repo.create(
    aDelegation({ patientId: child, agentPatientId: caregiver, scopes: ["documents:read", "record:read"], start: new Date(Date.now() - 30 * 86_400_000).toISOString(), end }),
  );
  return { child, tie };
}
