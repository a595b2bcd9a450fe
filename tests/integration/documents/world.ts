import type { DocumentReference } from "@medplum/fhirtypes";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Actor } from "@/server/access/actor";
import { createAccount } from "@/server/db/account-store";
import { createSession } from "@/server/db/session-store";
import { createRepository, systemRepository, type Repository } from "@/server/fhir/repository";
import { aDocument, type DocumentInput } from "@/lib/fhir/builders/documents";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient, aPractitioner, aPractitionerRole, anOrganization } from "@/lib/fhir/builders/people";
import { PRACTITIONERS } from "@/lib/demo/personas";
import { aBlock, aDelegation, anAuthorisation, anEmergencyChoice } from "@/lib/fhir/builders/rules";
import { uniqueFamilyName } from "../unique-family-name";

/**
 * A small record for the documents tests, with fresh ids (the server test database is shared by
 * the files of a run): Camille and Jean (patients with accounts), Dr Bernard (authorised by
 * both), Dr Petit (blocked by Camille), Dr Moreau (no authorisation), and Camille as Jean's
 * caregiver with documents:read only.
 */
export type World = Awaited<ReturnType<typeof buildWorld>>;

export async function aPdf(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 16, size: 11, font }));
  return Buffer.from(await doc.save());
}

export async function buildWorld(options: { jeanEmergency?: boolean } = {}) {
  const system = await systemRepository("documents-tests");
  const org = await system.create(anOrganization({ id: newId(), name: "Cabinet des Tests" }));
  const otherOrg = await system.create(anOrganization({ id: newId(), name: "Hôpital des Tests" }));
  const bernard = await system.create(aPractitioner({ id: newId(), given: "Sophie", family: "Bernard" }));
  const petit = await system.create(aPractitioner({ id: newId(), given: "Marc", family: "Petit" }));
  const moreau = await system.create(aPractitioner({ id: newId(), given: "Inès", family: "Moreau" }));
  // Roles as in the demo's directory: a GP, a cardiologist, an emergency physician (who alone may break the glass).
  await system.create(aPractitionerRole({ practitionerId: bernard.id!, organizationId: org.id, specialty: PRACTITIONERS.bernard.specialty }));
  await system.create(aPractitionerRole({ practitionerId: petit.id!, organizationId: otherOrg.id, specialty: PRACTITIONERS.petit.specialty }));
  await system.create(aPractitionerRole({ practitionerId: moreau.id!, organizationId: otherOrg.id, specialty: PRACTITIONERS.moreau.specialty }));
  // Unique identities per world, so emergency lookups never match another file's patients.
  const family = uniqueFamilyName("Martin");
  const ins = String(Math.floor(1e14 + Math.random() * 9e14));
  // The repository gives every new resource its id: the world uses the ids it was given.
  const camilleId = (await system.create(aPatient({ given: "Camille", family, birthDate: "1985-03-14" }))).id!;
  const jeanId = (await system.create(aPatient({ given: "Jean", family, birthDate: "1950-06-02", ins }))).id!;
  await system.create(anAuthorisation({ patientId: camilleId, practitionerId: bernard.id! }));
  await system.create(anAuthorisation({ patientId: jeanId, practitionerId: bernard.id! }));
  await system.create(aBlock({ patientId: camilleId, practitionerId: petit.id! }));
  if (options.jeanEmergency === false) await system.create(anEmergencyChoice({ patientId: jeanId, allowed: false }));
  const delegation = await system.create(
    aDelegation({ patientId: jeanId, agentPatientId: camilleId, scopes: ["documents:read", "prescriptions:read"] }),
  );
  const camilleAccount = await createAccount({
    email: `camille-${newId()}@example.org`,
    password: "Sante-Demo-2026!",
    totpSecret: "CAMILLEDEMOTOTPA",
    kind: "patient",
    fhirRef: `Patient/${camilleId}`,
    displayName: "Camille Martin",
  });
  const moreauAccountId = newId();
  const actors = {
    camille: { kind: "patient", accountId: camilleAccount.id, patientId: camilleId } satisfies Actor,
    jean: { kind: "patient", accountId: newId(), patientId: jeanId } satisfies Actor,
    camilleForJean: {
      kind: "delegate",
      accountId: camilleAccount.id,
      selfPatientId: camilleId,
      patientId: jeanId,
      relatedPersonId: delegation.id!,
    } satisfies Actor,
    bernard: { kind: "practitioner", accountId: newId(), practitionerId: bernard.id! } satisfies Actor,
    petit: { kind: "practitioner", accountId: newId(), practitionerId: petit.id! } satisfies Actor,
    moreau: { kind: "practitioner", accountId: moreauAccountId, practitionerId: moreau.id! } satisfies Actor,
  };
  const repoFor = (actor: Actor, agentName?: string): Promise<Repository> => createRepository(actor, { agentName });

  async function addDocument(input: Omit<DocumentInput, "patientId"> & { patientId?: string; text?: string[] }): Promise<DocumentReference> {
    const bytes = await aPdf(input.text ?? [input.title ?? "Document"]);
    return system.createDocument(aDocument({ author: `Practitioner/${bernard.id}`, custodianId: org.id, ...input, patientId: input.patientId ?? camilleId }), {
      bytes,
      contentType: "application/pdf",
    }, { indexText: (input.text ?? []).join("\n") });
  }

  async function practitionerSession(accountPractitionerId: string): Promise<string> {
    const account = await createAccount({
      email: `pro-${newId()}@example.org`,
      password: "Sante-Demo-2026!",
      totpSecret: "INESDEMOTOTPSECR",
      kind: "practitioner",
      fhirRef: `Practitioner/${accountPractitionerId}`,
      displayName: "Dr Inès Moreau",
    });
    return createSession({ accountId: account.id, securityStamp: 0, activeSpace: null, userAgent: "vitest", now: new Date() });
  }

  return {
    system,
    ids: { camille: camilleId, jean: jeanId, bernard: bernard.id!, petit: petit.id!, moreau: moreau.id!, org: org.id!, otherOrg: otherOrg.id! },
    identity: { family, ins },
    actors,
    repoFor,
    addDocument,
    practitionerSession,
  };
}
