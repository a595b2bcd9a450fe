import type { AuditEvent, Bundle, DocumentReference } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { systemRepository } from "@/server/fhir/repository";
import { aDocument, binaryIdOf } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aDelegation, anAuthorisation } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { fhirBytes } from "../fhir-api/binary-http";
import { bundleOf, fhir, idsOf, resourceOf, sameOrigin, signIn, warmUpValidator } from "../fhir-api/http";
import { getDocumentFile } from "./file-route";
import { aPdf } from "./world";

const db = useTestDatabase();

/**
 * SECURITY-CASES 43: once the patient deletes a document they uploaded, no one else reads it or
 * its versions (read, vread, _history, search, its file, audit entries shown to others), and its
 * file's bytes are erased in the same transaction. The patient still sees in their own history
 * that it existed; the audit row of the deletion stays.
 */
let camille = "";
let camilleCookie = "";
let bernardCookie = "";
let jeanCookie = "";
let document: DocumentReference;
let binaryId = "";

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("deleted-document-tests");
  camille = (await system.create(aPatient({ given: "Camille" }))).id!;
  const jean = (await system.create(aPatient({ given: "Jean" }))).id!;
  const bernard = (await system.create(aPractitioner({ family: "Bernard" }))).id!;
  await system.create(anAuthorisation({ patientId: camille, practitionerId: bernard }));
  await system.create(aDelegation({ patientId: camille, agentPatientId: jean, scopes: ["documents:read", "privacy:manage"] }));
  camilleCookie = (await signIn(`Patient/${camille}`)).cookie;
  bernardCookie = (await signIn(`Practitioner/${bernard}`, { name: "Dr Sophie Bernard" })).cookie;
  jeanCookie = (await signIn(`Patient/${jean}`, { space: camille })).cookie;
  const uploaded = await system.createDocument(
    aDocument({ patientId: camille, kind: "personal", author: `Patient/${camille}`, title: "Résultat à effacer" }),
    { bytes: await aPdf(["Sérologie zanzibar"]), contentType: "application/pdf" },
    { indexText: "Sérologie zanzibar" },
  );
  binaryId = binaryIdOf(uploaded)!;
  // A second version, so there is a history to read back.
  const renamed = await fhir("PUT", `DocumentReference/${uploaded.id}`, { cookie: camilleCookie, body: { ...uploaded, description: "Résultat renommé" }, headers: sameOrigin() });
  expect(renamed.status, renamed.text).toBe(200);
  document = resourceOf<DocumentReference>(renamed);
  // Everyone here read it before the deletion: the professional, the caregiver.
  for (const cookie of [bernardCookie, jeanCookie]) {
    expect((await fhir("GET", `DocumentReference/${document.id}/_history`, { cookie })).status).toBe(200);
    expect((await getDocumentFile(document.id!, cookie)).status).toBe(200);
  }
  const deleted = await fhir("DELETE", `DocumentReference/${document.id}`, { cookie: camilleCookie, headers: sameOrigin() });
  expect(deleted.status, deleted.text).toBe(204);
}, 60_000);

describe("a document the patient deleted, for everyone else (SECURITY-CASES 43)", () => {
  const others = [
    ["an authorised professional", () => bernardCookie],
    ["a caregiver with documents:read and privacy:manage", () => jeanCookie],
  ] as const;
  it.each(others)("%s reads nothing of it: read, vread, _history, search, file, Binary", async (_who, cookie) => {
    const id = document.id!;
    expect((await fhir("GET", `DocumentReference/${id}`, { cookie: cookie() })).status).toBe(404);
    for (const version of ["1", "2", "3"]) expect((await fhir("GET", `DocumentReference/${id}/_history/${version}`, { cookie: cookie() })).status).toBe(404);
    const history = await fhir("GET", `DocumentReference/${id}/_history`, { cookie: cookie() });
    expect(history.status).toBe(404);
    expect(history.text).not.toContain("Résultat");
    expect(idsOf(await fhir("GET", `DocumentReference?patient=${camille}&_count=100`, { cookie: cookie() }))).not.toContain(id);
    expect((await getDocumentFile(id, cookie())).status).toBe(404);
    expect((await fhirBytes(`Binary/${binaryId}`, { cookie: cookie(), accept: "*/*" })).status).toBe(404);
  });

  it("shows the caregiver who manages privacy no audit entry about it, the deletion's included", async () => {
    const bundle = resourceOf<Bundle<AuditEvent>>(await fhir("GET", `AuditEvent?patient=${camille}&_count=100`, { cookie: jeanCookie }));
    expect((bundle.entry ?? []).length).toBeGreaterThan(0);
    expect(JSON.stringify(bundle)).not.toContain(document.id);
    expect(JSON.stringify(bundle)).not.toContain(binaryId);
  });
});

describe("the same document, for the patient who deleted it", () => {
  it("is gone from reads and searches, but its history shows that it existed and when it was deleted", async () => {
    expect((await fhir("GET", `DocumentReference/${document.id}`, { cookie: camilleCookie })).status).toBe(404);
    expect(idsOf(await fhir("GET", `DocumentReference?patient=${camille}&_count=100`, { cookie: camilleCookie }))).not.toContain(document.id);
    const history = await fhir("GET", `DocumentReference/${document.id}/_history`, { cookie: camilleCookie });
    expect(history.status).toBe(200);
    const entries = bundleOf(history).entry ?? [];
    expect(entries).toHaveLength(3);
    expect((await fhir("GET", `DocumentReference/${document.id}/_history/1`, { cookie: camilleCookie })).status).toBe(200);
    // The file itself is gone, even for her.
    expect((await getDocumentFile(document.id!, camilleCookie)).status).toBe(404);
    expect((await fhirBytes(`Binary/${binaryId}`, { cookie: camilleCookie, accept: "*/*" })).status).toBe(404);
  });

  it("keeps the deletion in her trail", async () => {
    const bundle = resourceOf<Bundle<AuditEvent>>(await fhir("GET", `AuditEvent?patient=${camille}&_count=100`, { cookie: camilleCookie }));
    const text = JSON.stringify(bundle);
    expect(text).toContain(`DocumentReference/${document.id}`);
    const rows = await db().prisma.auditEvent.findMany({ where: { patientId: camille, entity: `DocumentReference/${document.id}`, interaction: "delete", outcome: "success" } });
    expect(rows).toHaveLength(1);
  });
});

describe("the deleted document's file", () => {
  it("has its bytes erased and its Binary deleted, in the delete's transaction, and its indexed text dropped", async () => {
    expect(await db().prisma.binaryContent.findUnique({ where: { id: binaryId } })).toBeNull();
    const rows = await db().sql.query<{ id: string; deleted: boolean; search_text: string | null }>(
      `SELECT id::text, deleted, search_text FROM fhir_resource WHERE id = ANY($1::uuid[])`,
      [[binaryId, document.id]],
    );
    expect(rows.map((row) => [row.deleted, row.search_text])).toEqual([[true, null], [true, null]]);
  });
});
