import type { DocumentReference } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { aDocument, binaryIdOf } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aDelegation, aHiddenDocument, anAuthorisation } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, resourceOf, sameOrigin, signIn, warmUpValidator } from "../fhir-api/http";
import { getDocumentFile } from "./file-route";
import { aPdf } from "./world";

useTestDatabase();

/**
 * SECURITY-CASES 39: a professional or a caregiver who learned a file's id (from the API or the
 * access history) creates a document of their own pointing at it, then downloads it through that
 * document. The victim files are one the patient hid from professionals, one marked secret, and
 * one the patient deleted. The attack goes through HTTP as the attacker would: the FHIR API to
 * create the document, the documents route (and the FHIR API's Binary) to download.
 */
let camille = "";
let camilleCookie = "";
let bernardCookie = "";
let delegateCookie = "";
const victims: Record<"hidden" | "secret" | "deleted", { document: DocumentReference; binaryId: string; bytes: Buffer }> = {} as never;

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("file-belongs-tests");
  camille = (await system.create(aPatient({ given: "Camille" }))).id!;
  const jean = (await system.create(aPatient({ given: "Jean" }))).id!;
  const bernard = (await system.create(aPractitioner({ family: "Bernard" }))).id!;
  await system.create(anAuthorisation({ patientId: camille, practitionerId: bernard }));
  await system.create(aDelegation({ patientId: camille, agentPatientId: jean, scopes: ["documents:read", "documents:write"] }));
  for (const kind of ["hidden", "secret", "deleted"] as const) {
    const bytes = await aPdf([`Fichier ${kind} de Camille`]);
    const document = await system.createDocument(
      aDocument({ patientId: camille, kind: "personal", author: `Patient/${camille}`, title: `Mon ${kind}`, confidentiality: kind === "secret" ? "V" : undefined }),
      { bytes, contentType: "application/pdf" },
    );
    victims[kind] = { document, binaryId: binaryIdOf(document)!, bytes };
  }
  await system.create(aHiddenDocument({ patientId: camille, documentIds: [victims.hidden.document.id!] }));
  camilleCookie = (await signIn(`Patient/${camille}`)).cookie;
  bernardCookie = (await signIn(`Practitioner/${bernard}`, { name: "Dr Sophie Bernard" })).cookie;
  delegateCookie = (await signIn(`Patient/${jean}`, { space: camille })).cookie;
  const deleted = await fhir("DELETE", `DocumentReference/${victims.deleted.document.id}`, { cookie: camilleCookie, headers: sameOrigin() });
  expect(deleted.status, deleted.text).toBe(204);
}, 60_000);

function pointingAt(binaryId: string): DocumentReference {
  const { id: _id, ...document } = aDocument({ patientId: camille, kind: "personal", title: "Copie" });
  return { ...document, content: [{ attachment: { contentType: "application/pdf", url: `Binary/${binaryId}`, title: "copie.pdf" } }] };
}

describe("a document pointed at another document's file (SECURITY-CASES 39)", () => {
  const attackers = [
    ["an authorised professional", () => bernardCookie],
    ["a caregiver with documents:write", () => delegateCookie],
  ] as const;
  for (const [who, cookie] of attackers) {
    for (const kind of ["hidden", "secret", "deleted"] as const) {
      it(`gives ${who} nothing of the ${kind} file`, async () => {
        const victim = victims[kind];
        const created = await fhir("POST", "DocumentReference", { cookie: cookie(), body: pointingAt(victim.binaryId), headers: sameOrigin() });
        // The create may succeed (a document of their own) but it never points at the victim's file.
        if (created.status === 201) {
          const document = resourceOf<DocumentReference>(created);
          expect(JSON.stringify(document.content)).not.toContain(victim.binaryId);
          const download = await getDocumentFile(document.id!, cookie());
          expect(download.status).toBe(404);
          expect(download.bytes.includes(victim.bytes.subarray(0, 64))).toBe(false);
        } else {
          expect([400, 403, 404, 422]).toContain(created.status);
        }
        // By its own id the file answers exactly as its document does to this reader.
        const direct = await fhir("GET", `DocumentReference/${victim.document.id}`, { cookie: cookie() });
        const binary = await fhir("GET", `Binary/${victim.binaryId}`, { cookie: cookie(), headers: { accept: "*/*" } });
        expect(binary.status).toBe(direct.status);
      });
    }
  }
});

describe("a document's file is the server's (attachment url, size, hash, type)", () => {
  it("drops whatever a client says of them on create: the document has no file", async () => {
    const body = pointingAt(victims.secret.binaryId);
    body.content = [{ attachment: { url: `Binary/${victims.secret.binaryId}`, size: 12, hash: "AAAA", contentType: "application/pdf", data: "JVBERi0=", title: "copie.pdf" } }];
    const created = await fhir("POST", "DocumentReference", { cookie: camilleCookie, body, headers: sameOrigin() });
    expect(created.status, created.text).toBe(201);
    const document = resourceOf<DocumentReference>(created);
    expect(document.content).toEqual([{ attachment: { title: "copie.pdf" } }]);
    expect((await getDocumentFile(document.id!, camilleCookie)).status).toBe(404);
  });

  it("keeps the stored file on update, whatever the body says, and changes only its title", async () => {
    const system = await systemRepository("file-belongs-tests");
    const bytes = await aPdf(["Mon compte rendu"]);
    const own = await system.createDocument(aDocument({ patientId: camille, kind: "personal", author: `Patient/${camille}`, title: "Le mien" }), { bytes, contentType: "application/pdf" });
    const stored = own.content[0]!.attachment;
    const body: DocumentReference = {
      ...own,
      content: [
        { attachment: { ...stored, url: `Binary/${victims.secret.binaryId}`, size: 1, hash: "AAAA", contentType: "image/png", title: "renomme.pdf" } },
        { attachment: { url: `Binary/${victims.hidden.binaryId}`, contentType: "application/pdf" } },
      ],
    };
    const updated = await fhir("PUT", `DocumentReference/${own.id}`, { cookie: camilleCookie, body, headers: sameOrigin() });
    expect(updated.status, updated.text).toBe(200);
    expect(resourceOf<DocumentReference>(updated).content).toEqual([{ attachment: { ...stored, title: "renomme.pdf" } }]);
    const download = await getDocumentFile(own.id!, camilleCookie);
    expect(download.status).toBe(200);
    expect(download.bytes.equals(bytes)).toBe(true);
  });

  it("refuses a Binary written on its own, even by the patient, and changes nothing", async () => {
    const system = await systemRepository("file-belongs-tests");
    const before = await system.search("Binary", { patientId: camille, count: 0, total: true });
    const forged = { resourceType: "Binary", contentType: "application/pdf", securityContext: { reference: `DocumentReference/${victims.secret.document.id}` } };
    const posted = await fhir("POST", "Binary", { cookie: camilleCookie, body: forged, headers: sameOrigin() });
    expect(posted.status).toBe(405);
    const put = await fhir("PUT", `Binary/${victims.secret.binaryId}`, { cookie: camilleCookie, body: { ...forged, id: victims.secret.binaryId }, headers: sameOrigin() });
    expect(put.status).toBe(405);
    const removed = await fhir("DELETE", `Binary/${victims.secret.binaryId}`, { cookie: camilleCookie, headers: sameOrigin() });
    expect(removed.status).toBe(405);
    // The repository refuses it too, whatever route a future page would take.
    const repo = await createRepository({ kind: "patient", accountId: "test", patientId: camille });
    await expect(repo.create(forged as never)).rejects.toMatchObject({ status: 422 });
    await expect(repo.delete("Binary", victims.secret.binaryId)).rejects.toMatchObject({ status: 422 });
    const after = await system.search("Binary", { patientId: camille, count: 0, total: true });
    expect(after.total).toBe(before.total);
  });
});
