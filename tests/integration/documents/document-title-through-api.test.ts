import type { DocumentReference } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { DOCUMENT_TITLE_MAX } from "@/lib/documents/document-title";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, resourceOf, sameOrigin, signIn, warmUpValidator, type SignedIn } from "../fhir-api/http";

useTestDatabase();

/**
 * A document's title written through the FHIR API keeps the upload form's rule: one line of 200
 * characters at most (found by the attack round: a patient's PUT stored a title of 140,000
 * characters on 20,000 lines, the heading of the document in every list of the record, hers and
 * her professionals'). A title stored before, kept as it is, stops no other change.
 */
let nadia: SignedIn;
let documentId: string;
let longStoredId: string;
beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("document-title-tests");
  const patientId = (await system.create(aPatient({ given: "Nadia", family: "Titre" }))).id!;
  documentId = (await system.create(aDocument({ patientId, title: "Carnet de suivi", author: `Patient/${patientId}` }))).id!;
  longStoredId = (await system.create(aDocument({ patientId, title: "Ancien titre très long ".repeat(20), author: `Patient/${patientId}` }))).id!;
  nadia = await signIn(`Patient/${patientId}`, { name: "Nadia Titre" });
}, 120_000);

async function put(id: string, change: (document: DocumentReference) => DocumentReference) {
  const read = await fhir("GET", `DocumentReference/${id}`, { cookie: nadia.cookie });
  const stored = resourceOf<DocumentReference>(read);
  return fhir("PUT", `DocumentReference/${id}`, { cookie: nadia.cookie, headers: sameOrigin({ "if-match": read.headers.get("etag") ?? "" }), body: change(stored) });
}

describe("a document's title through the FHIR API (SECURITY-CASES 29, 35)", () => {
  it.each([
    ["a title of many lines", "Titre\r\n".repeat(1_000), "DocumentReference.description"],
    ["a title one character too long", "x".repeat(DOCUMENT_TITLE_MAX + 1), "DocumentReference.description"],
  ])("refuses %s, and keeps the stored one", async (_label, title, element) => {
    const answer = await put(documentId, (document) => ({ ...document, description: title }));
    expect(answer.status).toBe(422);
    expect(answer.text).toContain(element);
    const kept = resourceOf<DocumentReference>(await fhir("GET", `DocumentReference/${documentId}`, { cookie: nadia.cookie }));
    expect(kept.description).toBe("Carnet de suivi");
  });

  it("refuses a file's title of many lines", async () => {
    const answer = await put(documentId, (document) => ({
      ...document,
      content: (document.content ?? []).map((part) => ({ ...part, attachment: { ...part.attachment, title: "Fichier\n".repeat(50) } })),
    }));
    expect(answer.status).toBe(422);
  });

  it("takes a title of one line at the limit, and a change that keeps a longer title stored before", async () => {
    expect((await put(documentId, (document) => ({ ...document, description: "é".repeat(DOCUMENT_TITLE_MAX) }))).status).toBe(200);
    expect((await put(longStoredId, (document) => ({ ...document, date: "2020-01-01T00:00:00Z" }))).status).toBe(200);
  });
});
