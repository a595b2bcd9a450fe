import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/dossier/copie/route";
import { aDocument } from "@/lib/fhir/builders/documents";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { personWithAccount } from "../delegations/world";
import { aPdf } from "../documents/world";
import { appUrl, warmUpValidator } from "../fhir-api/http";

useTestDatabase();

/**
 * The files of a record's copy are named by their titles as a person reads them. Found in the
 * demo's copy (walking the record-copy journey): « Passage aux urgences - exacerbation d asthme.pdf »
 * (the apostrophe, refused by shells, became a space) and « … explorations fonctionnelles
 * respiratoir.pdf » (a long title cut inside its last word). The apostrophe is now the typographic
 * one, and a long title is cut between words.
 */
describe("the documents' file names in a copy of the record", () => {
  it("keep the apostrophe of « d'asthme » and cut a long title between words", async () => {
    warmUpValidator();
    const system = await systemRepository("copy-file-names-tests");
    const person = await personWithAccount(system, "Camille", "Nommee", "female");
    const date = "2022-01-17T09:00:00.000Z";
    for (const title of ["Passage aux urgences - exacerbation d'asthme", "Consultation de pneumologie - explorations fonctionnelles respiratoires"]) {
      await system.createDocument(aDocument({ patientId: person.patientId, title, date, author: `Patient/${person.patientId}` }), { bytes: await aPdf([title]), contentType: "application/pdf" });
    }
    const request = new Request(`${appUrl()}/api/dossier/copie`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html", origin: appUrl(), cookie: person.session.cookie },
      body: new URLSearchParams(),
    });
    const answer = await inRequestScope(request, () => POST(request));
    expect(answer.status).toBe(200);
    const names = Object.keys(unzipSync(new Uint8Array(await answer.arrayBuffer()))).filter((name) => name.startsWith("documents/"));
    expect(names.sort()).toEqual([
      "documents/2022-01-17 Consultation de pneumologie - explorations fonctionnelles.pdf",
      "documents/2022-01-17 Passage aux urgences - exacerbation d\u2019asthme.pdf",
    ]);
  });
});
