import type { DocumentReference } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import * as documentRoute from "@/pages/espace/documents/[id]";
import * as historyRoute from "@/pages/espace/historique";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPractitioner } from "@/lib/fhir/builders/people";
import { anAuthorisation } from "@/lib/fhir/builders/rules";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { fhir, signIn, warmUpValidator } from "../fhir-api/http";
import { servePage } from "./pages-route";

useTestDatabase();

const plain = (html: string | undefined) => (html ?? "").replace(/<!-- -->/g, "");

/**
 * « Tout l'historique de ce document » promises every view of it: a professional who reads one of
 * its versions through the FHIR API (GET DocumentReference/<id>/_history/<n>) read it as surely as
 * one who opened it, and his row names the version ("DocumentReference/<id>/_history/1"). The
 * narrowed history matched the document's reference alone and left those reads out: the whole
 * trail showed them, the document's own history did not (attack round).
 */
/** Hélène's scan, in its second version, whose first version Dr Paul Versionneur read through the FHIR API; another document of hers. */
async function world() {
  warmUpValidator();
  const system = await systemRepository("history-of-a-document-versions-tests");
  const helene = await personWithAccount(system, "Hélène", "Versions");
  const doctorId = (await system.create(aPractitioner({ given: "Paul", family: "Versionneur" }))).id!;
  await system.create(anAuthorisation({ patientId: helene.patientId, practitionerId: doctorId }));
  const created = await system.create<DocumentReference>(aDocument({ patientId: helene.patientId, title: "Scanner du genou" }));
  await system.update<DocumentReference>({ ...created, description: "Scanner du genou, relu" });
  const other = (await system.create(aDocument({ patientId: helene.patientId, title: "Autre compte rendu" }))).id!;
  const doctor = await signIn(`Practitioner/${doctorId}`, { name: "Dr Paul Versionneur" });
  expect((await fhir("GET", `DocumentReference/${created.id}/_history/1`, { cookie: doctor.cookie })).status).toBe(200);
  return { helene, scan: created.id!, other };
}

/** The « Qui a consulté ce document » table of a document's page. */
const viewsTable = (html: string) => (html.split('id="views-title"')[1] ?? "").split("</table>")[0]!;

describe("the history of one document and the reads of its versions", () => {
  it("lists a professional's read of a version of the document, and not those of another document", async () => {
    const { helene, scan, other } = await world();
    const narrowed = plain((await servePage(historyRoute, `/espace/historique?document=${scan}`, { cookie: helene.session.cookie, address: "10.0.48.9" })).html);
    expect(narrowed).toContain("Dr Paul Versionneur");
    const elsewhere = plain((await servePage(historyRoute, `/espace/historique?document=${other}`, { cookie: helene.session.cookie, address: "10.0.48.9" })).html);
    expect(elsewhere).not.toContain("Dr Paul Versionneur");
  });

  it("lists it on the document's own page too, « Qui a consulté ce document », and not on the other document's", async () => {
    const { helene, scan, other } = await world();
    const page = await servePage(documentRoute, `/espace/documents/${scan}`, { cookie: helene.session.cookie, params: { id: scan }, address: "10.0.63.2" });
    expect(page.status).toBe(200);
    expect(viewsTable(plain(page.html))).toContain("Paul Versionneur");
    const elsewhere = plain((await servePage(documentRoute, `/espace/documents/${other}`, { cookie: helene.session.cookie, params: { id: other }, address: "10.0.63.2" })).html);
    expect(elsewhere).not.toContain("Paul Versionneur");
  });
});
