import type { DocumentReference } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { systemRepository } from "@/server/fhir/repository";
import { aDocument } from "@/lib/fhir/builders/documents";
import { anOrganization, aPatient, aPractitioner, aPractitionerRole } from "@/lib/fhir/builders/people";
import { aDelegation, anAuthorisation } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { bundleOf, fhir, isOutcome, outcomeOf, resourceOf, sameOrigin, signIn, warmUpValidator, type Answer } from "./http";

const db = useTestDatabase();

/**
 * A patient created a DocumentReference through the API naming a hospital as its custodian and
 * a doctor as its authenticator; Dr Bernard's view then read « Ajouté depuis l'espace patient ·
 * Centre hospitalier Lyon-Sud »: the author honest, the establishment not. A document written by
 * the patient, or by her caregiver, names no custodian, no authenticator and no author but its
 * writer: refused with an OperationOutcome naming the element, nothing stored.
 */
let camilleId = "";
let mayaId = "";
let bernardId = "";
let hospitalId = "";
let camille = "";
let maya = "";
let bernard = "";

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("document-claims-tests");
  camilleId = (await system.create(aPatient({ given: "Camille" }))).id!;
  mayaId = (await system.create(aPatient({ given: "Maya" }))).id!;
  bernardId = (await system.create(aPractitioner({ family: "Bernard" }))).id!;
  hospitalId = (await system.create(anOrganization({ name: "Centre hospitalier Lyon-Sud" }))).id!;
  await system.create(anAuthorisation({ patientId: camilleId, practitionerId: bernardId }));
  await system.create(aDelegation({ patientId: camilleId, agentPatientId: mayaId, scopes: ["documents:read", "documents:write"] }));
  camille = (await signIn(`Patient/${camilleId}`)).cookie;
  maya = (await signIn(`Patient/${mayaId}`, { space: camilleId })).cookie;
  bernard = (await signIn(`Practitioner/${bernardId}`, { name: "Dr Sophie Bernard" })).cookie;
}, 60_000);

function ownDocument(extra: Partial<DocumentReference> = {}): DocumentReference {
  const { id: _id, ...document } = aDocument({ patientId: camilleId, kind: "personal", title: "Compte rendu d'hospitalisation", date: "2025-02-03T10:00:00Z" });
  return { ...document, ...extra };
}

/** Camille's documents as stored: count and versions, what "nothing changed" is measured on. */
async function stored(): Promise<string> {
  const [row] = await db().sql.query<{ n: number; v: number }>(
    "SELECT count(*)::int AS n, coalesce(sum(version_id), 0)::int AS v FROM fhir_resource WHERE patient_id = $1::uuid AND resource_type = 'DocumentReference'",
    [camilleId],
  );
  return `${row?.n}/${row?.v}`;
}

function expectRefused(answer: Answer, element: string) {
  expect(answer.status, answer.text).toBe(403);
  expect(isOutcome(answer)).toBe(true);
  const issue = outcomeOf(answer).issue?.[0];
  expect(issue?.diagnostics).toContain(`DocumentReference.${element}`);
  expect(issue?.expression).toEqual([`DocumentReference.${element}`]);
}

const hospital = () => ({ reference: `Organization/${hospitalId}` });
const doctor = () => ({ reference: `Practitioner/${bernardId}` });

describe("a document written from the patient's side", () => {
  it("refuses a custodian, an authenticator or another author on create, by the patient or her caregiver, with nothing stored", async () => {
    const before = await stored();
    const attempts: [string, string, DocumentReference][] = [
      [camille, "custodian", ownDocument({ custodian: hospital() })],
      [camille, "authenticator", ownDocument({ authenticator: doctor() })],
      [camille, "author", ownDocument({ author: [doctor()] })],
      [camille, "author", ownDocument({ author: [{ reference: `Patient/${camilleId}` }, doctor()] })],
      [maya, "custodian", ownDocument({ custodian: hospital(), authenticator: doctor() })],
      [maya, "author", ownDocument({ author: [{ reference: `Patient/${camilleId}` }] })],
    ];
    for (const [cookie, element, body] of attempts) {
      expectRefused(await fhir("POST", "DocumentReference", { cookie, body, headers: sameOrigin() }), element);
    }
    expect(await stored()).toBe(before);
    // What Dr Bernard sees of Camille's record names no hospital.
    const seen = bundleOf(await fhir("GET", `DocumentReference?patient=${camilleId}`, { cookie: bernard }));
    expect((seen.entry ?? []).map((entry) => (entry.resource as DocumentReference).custodian)).not.toContainEqual(hospital());
  });

  it("still takes a document naming its writer as author, or no author", async () => {
    const named = await fhir("POST", "DocumentReference", { cookie: camille, body: ownDocument({ author: [{ reference: `Patient/${camilleId}` }] }), headers: sameOrigin() });
    expect(named.status, named.text).toBe(201);
    const byMaya = await fhir("POST", "DocumentReference", { cookie: maya, body: ownDocument(), headers: sameOrigin() });
    expect(byMaya.status, byMaya.text).toBe(201);
    expect(resourceOf<DocumentReference>(byMaya).author).toEqual([{ reference: `Patient/${mayaId}` }]);
  });

  it("refuses an update that adds a custodian, an authenticator or another author, and takes one that keeps what was stored", async () => {
    const created = resourceOf<DocumentReference>(await fhir("POST", "DocumentReference", { cookie: camille, body: ownDocument(), headers: sameOrigin() }));
    const path = `DocumentReference/${created.id}`;
    const before = await stored();
    expectRefused(await fhir("PUT", path, { cookie: camille, body: { ...created, custodian: hospital() }, headers: sameOrigin() }), "custodian");
    expectRefused(await fhir("PUT", path, { cookie: maya, body: { ...created, authenticator: doctor() }, headers: sameOrigin() }), "authenticator");
    expectRefused(await fhir("PUT", path, { cookie: camille, body: { ...created, author: [doctor()] }, headers: sameOrigin() }), "author");
    expect(await stored()).toBe(before);
    expect(resourceOf<DocumentReference>(await fhir("GET", path, { cookie: camille })).meta?.versionId).toBe("1");

    const renamed = await fhir("PUT", path, { cookie: maya, body: { ...created, description: "Renommé" }, headers: sameOrigin() });
    expect(renamed.status, renamed.text).toBe(200);
    expect(resourceOf<DocumentReference>(renamed).author).toEqual([{ reference: `Patient/${camilleId}` }]);
  });
});

/**
 * Dr Bernard practises at the Cabinet du Vieux-Lyon (her PractitionerRole). Through the API she
 * wrote a document naming Centre hospitalier Lyon-Sud as its custodian and Dr Petit as its
 * authenticator, and Camille's pages then said it came from the hospital. A professional names
 * only where she practises today and herself: refused, with the element named, nothing stored,
 * and a denied row in the patient's trail.
 */
describe("a document written by a professional", () => {
  let practiceId = "";
  let formerId = "";
  let petitId = "";
  let roleId = "";

  beforeAll(async () => {
    const system = await systemRepository("document-claims-pro-tests");
    practiceId = (await system.create(anOrganization({ name: "Cabinet du Vieux-Lyon" }))).id!;
    formerId = (await system.create(anOrganization({ name: "Clinique quittée" }))).id!;
    petitId = (await system.create(aPractitioner({ family: "Petit" }))).id!;
    roleId = (await system.create(aPractitionerRole({ practitionerId: bernardId, organizationId: practiceId }))).id!;
    // A role that ended: she no longer practises there, and no longer names it.
    await system.create({ ...aPractitionerRole({ practitionerId: bernardId, organizationId: formerId }), period: { end: "2024-12-31" } });
  });

  async function deniedClaims(): Promise<number> {
    const [row] = await db().sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE patient_id = $1::uuid AND outcome = 'denied' AND reason = 'document-claim'",
      [camilleId],
    );
    return row?.n ?? 0;
  }

  it("refuses another establishment, an ended one, or another professional, on create and update, with nothing stored", async () => {
    const before = await stored();
    const denied = await deniedClaims();
    const attempts: [string, DocumentReference][] = [
      ["custodian", ownDocument({ custodian: hospital() })],
      ["custodian", ownDocument({ custodian: { reference: `Organization/${formerId}` } })],
      ["custodian", ownDocument({ custodian: { reference: `Organization/${practiceId}`, display: "Centre hospitalier Lyon-Sud" } })],
      ["custodian", ownDocument({ custodian: { identifier: { system: "urn:oid:1.2.250.1.71.4.2.2", value: "690000000" } } })],
      ["authenticator", ownDocument({ custodian: { reference: `Organization/${practiceId}` }, authenticator: { reference: `Practitioner/${petitId}` } })],
      ["authenticator", ownDocument({ authenticator: hospital() })],
      ["author", ownDocument({ author: [{ reference: `Practitioner/${petitId}` }] })],
    ];
    for (const [element, body] of attempts) {
      expectRefused(await fhir("POST", "DocumentReference", { cookie: bernard, body, headers: sameOrigin() }), element);
    }
    expect(await stored()).toBe(before);
    expect(await deniedClaims()).toBe(denied + attempts.length);

    const created = resourceOf<DocumentReference>(await fhir("POST", "DocumentReference", { cookie: bernard, body: ownDocument(), headers: sameOrigin() }));
    const path = `DocumentReference/${created.id}`;
    const afterCreate = await stored();
    expectRefused(await fhir("PUT", path, { cookie: bernard, body: { ...created, custodian: hospital() }, headers: sameOrigin() }), "custodian");
    expectRefused(await fhir("PUT", path, { cookie: bernard, body: { ...created, authenticator: { reference: `Practitioner/${petitId}` } }, headers: sameOrigin() }), "authenticator");
    expect(await stored()).toBe(afterCreate);
    // What Camille sees of her record names no hospital.
    const seen = bundleOf(await fhir("GET", `DocumentReference?patient=${camilleId}`, { cookie: camille }));
    expect((seen.entry ?? []).map((entry) => (entry.resource as DocumentReference).custodian)).not.toContainEqual(hospital());
  });

  it("takes her own establishment as custodian, and herself or her role as authenticator", async () => {
    const ours = { reference: `Organization/${practiceId}` };
    const byHer = await fhir("POST", "DocumentReference", { cookie: bernard, body: ownDocument({ custodian: ours, authenticator: { reference: `Practitioner/${bernardId}` } }), headers: sameOrigin() });
    expect(byHer.status, byHer.text).toBe(201);
    const document = resourceOf<DocumentReference>(byHer);
    expect(document.custodian).toEqual(ours);
    const vouched = await fhir("PUT", `DocumentReference/${document.id}`, { cookie: bernard, body: { ...document, authenticator: { reference: `PractitionerRole/${roleId}` } }, headers: sameOrigin() });
    expect(vouched.status, vouched.text).toBe(200);
  });
});
