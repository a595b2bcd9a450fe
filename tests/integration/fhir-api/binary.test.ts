import type { AuditEvent, Binary, Bundle, CapabilityStatement, DocumentReference } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { aDocument, binaryIdOf } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aDelegation, aHiddenDocument, anAuthorisation, confidentialityLabel } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { aPdf } from "../documents/world";
import { fhirBytes } from "./binary-http";
import { appUrl, FHIR_BASE_PATH, fhir, isOutcome, resourceOf, signIn, warmUpValidator } from "./http";

const db = useTestDatabase();

/**
 * DocumentReference.content.attachment.url resolves on the FHIR API: Binary/<id> serves the
 * file under its document's decision (labels, hidden state, deletion follow the document),
 * as raw bytes with the documents route's safe headers or as a FHIR Binary, audited as a
 * download of the document.
 */
let camille = "";
let camilleCookie = "";
let bernardCookie = "";
let jeanCookie = "";
let bytes: Buffer = Buffer.alloc(0);
let document: DocumentReference;
let binaryId = "";
let bernard = "";

async function upload(title: string): Promise<{ document: DocumentReference; binaryId: string; bytes: Buffer }> {
  const system = await systemRepository("binary-api-tests");
  const pdf = await aPdf([title]);
  const stored = await system.createDocument(aDocument({ patientId: camille, kind: "personal", author: `Patient/${camille}`, title }), { bytes: pdf, contentType: "application/pdf" });
  return { document: stored, binaryId: binaryIdOf(stored)!, bytes: pdf };
}

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("binary-api-tests");
  camille = (await system.create(aPatient({ given: "Camille" }))).id!;
  const jean = (await system.create(aPatient({ given: "Jean" }))).id!;
  bernard = (await system.create(aPractitioner({ family: "Bernard" }))).id!;
  await system.create(anAuthorisation({ patientId: camille, practitionerId: bernard }));
  await system.create(aDelegation({ patientId: camille, agentPatientId: jean, scopes: ["documents:read", "privacy:manage"] }));
  ({ document, binaryId, bytes } = await upload("Compte rendu"));
  camilleCookie = (await signIn(`Patient/${camille}`)).cookie;
  bernardCookie = (await signIn(`Practitioner/${bernard}`, { name: "Dr Sophie Bernard" })).cookie;
  jeanCookie = (await signIn(`Patient/${jean}`, { space: camille })).cookie;
}, 60_000);

describe("GET Binary/<id>", () => {
  it.each([["application/pdf"], ["*/*"], ["application/*"], [""]])("serves the raw bytes for Accept: %s, with the documents route's safe headers", async (accept) => {
    const answer = await fhirBytes(`Binary/${binaryId}`, { cookie: camilleCookie, accept: accept || undefined });
    expect(answer.status).toBe(200);
    expect(answer.bytes.equals(bytes)).toBe(true);
    expect(answer.headers.get("content-type")).toBe("application/pdf");
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    expect(answer.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(answer.headers.get("content-security-policy")).toContain("sandbox");
    expect(answer.headers.get("cache-control")).toContain("no-store");
  });

  it("serves a FHIR Binary with the bytes in base64 for Accept: application/fhir+json", async () => {
    const answer = await fhir("GET", `Binary/${binaryId}`, { cookie: camilleCookie, headers: { accept: "application/fhir+json" } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
    const binary = resourceOf<Binary>(answer);
    expect(binary).toMatchObject({ resourceType: "Binary", id: binaryId, contentType: "application/pdf", securityContext: { reference: `DocumentReference/${document.id}` } });
    expect(Buffer.from(binary.data ?? "", "base64").equals(bytes)).toBe(true);
  });

  it("answers 406 for a type it cannot serve, before reading anything", async () => {
    const answer = await fhir("GET", `Binary/${binaryId}`, { cookie: camilleCookie, headers: { accept: "text/html" } });
    expect(answer.status).toBe(406);
    expect(isOutcome(answer)).toBe(true);
  });

  it("is what an outside client following the document's attachment url gets", async () => {
    const read = resourceOf<DocumentReference>(await fhir("GET", `DocumentReference/${document.id}`, { cookie: camilleCookie }));
    const url = new URL(read.content[0]!.attachment.url!, `${appUrl()}${FHIR_BASE_PATH}/`);
    const answer = await fhirBytes(url.pathname.slice(FHIR_BASE_PATH.length + 1), { cookie: camilleCookie, accept: "*/*" });
    expect(answer.status).toBe(200);
    expect(answer.bytes.equals(bytes)).toBe(true);
  });

  it("is audited as a download of its document, in the patient's trail", async () => {
    const before = new Date();
    await fhirBytes(`Binary/${binaryId}`, { cookie: bernardCookie, accept: "*/*" });
    const rows = await db().prisma.auditEvent.findMany({ where: { patientId: camille, entity: `DocumentReference/${document.id}`, interaction: "download", recorded: { gte: before } } });
    expect(rows.map((row) => row.outcome)).toEqual(["success"]);
  });

  it("answers 404 for an id that does not exist and without a session 401", async () => {
    expect((await fhir("GET", "Binary/00000000-0000-4000-8000-00000000dead", { cookie: camilleCookie })).status).toBe(404);
    expect((await fhir("GET", `Binary/${binaryId}`)).status).toBe(401);
  });

  it("is listed in the CapabilityStatement as read only, and nothing else is routed", async () => {
    const statement = resourceOf<CapabilityStatement>(await fhir("GET", "metadata"));
    const binary = statement.rest?.[0]?.resource?.find((r) => r.type === "Binary");
    expect(binary?.interaction?.map((i) => i.code)).toEqual(["read"]);
    expect((await fhir("GET", `Binary?patient=${camille}`, { cookie: camilleCookie })).status).toBe(405);
    expect((await fhir("GET", `Binary/${binaryId}/_history`, { cookie: camilleCookie })).status).toBe(405);
  });
});

describe("a file carries its document's confidentiality and hidden state", () => {
  it("follows the document hidden from professionals: the professional gets 404, the caregiver still reads it", async () => {
    const hidden = await upload("Caché aux professionnels");
    await (await systemRepository("binary-api-tests")).create(aHiddenDocument({ patientId: camille, documentIds: [hidden.document.id!] }));
    expect((await fhirBytes(`Binary/${hidden.binaryId}`, { cookie: bernardCookie, accept: "*/*" })).status).toBe(404);
    const caregiver = await fhirBytes(`Binary/${hidden.binaryId}`, { cookie: jeanCookie, accept: "*/*" });
    expect(caregiver.status).toBe(200);
    expect(caregiver.bytes.equals(hidden.bytes)).toBe(true);
  });

  it("follows the document made secret: its Binary takes the label, and no one but the patient reads it or sees its audit entries", async () => {
    const secret = await upload("Secret");
    const patientRepo = await createRepository({ kind: "patient", accountId: "test", patientId: camille });
    await patientRepo.setSecurityLabels("DocumentReference", secret.document.id!, [confidentialityLabel("V")]);
    const [row] = await db().sql.query<{ security: string[] }>(`SELECT security FROM fhir_resource WHERE id = $1::uuid`, [secret.binaryId]);
    expect(row?.security).toEqual(["V"]);
    for (const cookie of [bernardCookie, jeanCookie]) {
      expect((await fhirBytes(`Binary/${secret.binaryId}`, { cookie, accept: "*/*" })).status).toBe(404);
      expect((await fhir("GET", `Binary/${secret.binaryId}`, { cookie, headers: { accept: "application/fhir+json" } })).status).toBe(404);
    }
    expect((await fhirBytes(`Binary/${secret.binaryId}`, { cookie: camilleCookie, accept: "*/*" })).status).toBe(200);
    const entitiesSeenBy = async (cookie: string) => {
      const bundle = resourceOf<Bundle<AuditEvent>>(await fhir("GET", `AuditEvent?patient=${camille}&_count=100`, { cookie }));
      return JSON.stringify(bundle.entry ?? []);
    };
    expect(await entitiesSeenBy(camilleCookie)).toContain(`Binary/${secret.binaryId}`);
    const caregiverSees = await entitiesSeenBy(jeanCookie);
    expect(caregiverSees).not.toContain(secret.binaryId);
    expect(caregiverSees).not.toContain(secret.document.id);
  });

  it("answers a search of files only with what the document's decision allows", async () => {
    const hidden = await upload("Caché encore");
    const system = await systemRepository("binary-api-tests");
    await system.create(aHiddenDocument({ patientId: camille, documentIds: [hidden.document.id!] }));
    const bernardRepo = await createRepository({ kind: "practitioner", accountId: "test", practitionerId: bernard });
    const found = await bernardRepo.search<Binary>("Binary", { patientId: camille, count: 100 });
    const ids = found.resources.map((binary) => binary.id);
    expect(ids).toContain(binaryId);
    expect(ids).not.toContain(hidden.binaryId);
  });
});

