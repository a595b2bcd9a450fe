import type { DocumentReference } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDocumentFilters } from "@/lib/documents/document-filters";
import { deleteOwnDocument } from "@/server/documents/delete-own-document";
import { getDocument } from "@/server/documents/get-document";
import { hideDocument } from "@/server/documents/hide-document";
import { listDocuments } from "@/server/documents/list-documents";
import { setConfidentiality } from "@/server/documents/set-confidentiality";
import { showDocument } from "@/server/documents/show-document";
import { FhirError } from "@/server/fhir/errors";
import { useTestDatabase } from "../../setup/test-database";
import { buildWorld, type World } from "./world";

const db = useTestDatabase();

let world: World;
let report: DocumentReference;
beforeAll(async () => {
  world = await buildWorld();
  report = await world.addDocument({ kind: "consultation", title: "Consultation de suivi", text: ["Asthme bien contrôlé"] });
}, 120_000);

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof FhirError) return error.status;
    throw error;
  }
}

async function auditRows(patientId: string, entity: string) {
  return db().prisma.auditEvent.findMany({ where: { patientId, entity }, orderBy: { seq: "asc" } });
}

describe("a document's page", () => {
  it("shows metadata, names and who viewed it, newest first", async () => {
    const bernard = await world.repoFor(world.actors.bernard, "Dr Sophie Bernard");
    await bernard.readDocumentFile(report.id!);
    const camille = await world.repoFor(world.actors.camille, "Camille Martin");
    const detail = await getDocument(camille, report.id!);
    expect(detail.summary).toMatchObject({ title: "Consultation de suivi", authorName: "Dr Sophie Bernard", facilityName: "Cabinet des Tests", hidden: false, confidentiality: "N" });
    expect(detail.rights).toEqual({ managePrivacy: true, delete: false });
    // Her own read apart, in a sentence; the table is everyone else's.
    expect(detail.views?.map((v) => [v.self, v.who, v.interaction])).toEqual([[false, "Dr Sophie Bernard", "download"]]);
    expect(detail.patientsLastView).toMatchObject({ self: true, who: undefined, interaction: "read" });
  });

  it("keeps someone else's view on the page however often the patient opens the document herself", async () => {
    const letter = await world.addDocument({ kind: "consultation", title: "Courrier relu souvent" });
    const bernard = await world.repoFor(world.actors.bernard, "Dr Sophie Bernard");
    await bernard.read("DocumentReference", letter.id!);
    const camille = await world.repoFor(world.actors.camille, "Camille Martin");
    // Sixty of her own reads: the table shows fifty views, and none of them may be hers.
    for (let read = 0; read < 60; read++) await camille.read("DocumentReference", letter.id!);
    const detail = await getDocument(camille, letter.id!);
    expect(detail.views?.map((v) => [v.who, v.interaction])).toEqual([["Dr Sophie Bernard", "read"]]);
    expect(detail.patientsLastView).toMatchObject({ self: true, interaction: "read" });
  });

  it("shows a professional the document but not who viewed it nor the privacy controls", async () => {
    const bernard = await world.repoFor(world.actors.bernard);
    const detail = await getDocument(bernard, report.id!);
    expect(detail.views).toBeUndefined();
    expect(detail.rights.managePrivacy).toBe(false);
  });

  it("answers 404 to a professional who is blocked or not authorised, as for an unknown id", async () => {
    for (const actor of [world.actors.petit, world.actors.moreau]) {
      const repo = await world.repoFor(actor);
      expect(await statusOf(getDocument(repo, report.id!))).toBe(404);
      expect(await statusOf(repo.readDocumentFile(report.id!))).toBe(404);
    }
    const camille = await world.repoFor(world.actors.camille);
    expect(await statusOf(getDocument(camille, "00000000-0000-4000-8000-000000000000"))).toBe(404);
  });
});

describe("hiding a document from professionals (SECURITY-CASES 6)", () => {
  it("takes it out of the professional's list, search, page and download, and shows it again on request", async () => {
    const secret = await world.addDocument({ kind: "lab", title: "Sérologie", text: ["Résultat confidentiel toxoplasmose"] });
    const camille = await world.repoFor(world.actors.camille);
    const before = await world.repoFor(world.actors.bernard);
    expect(await statusOf(before.readDocumentFile(secret.id!))).toBe(200);

    await hideDocument(camille, secret.id!);
    // A repository lives for one request: the next request reads the new rule.
    let bernard = await world.repoFor(world.actors.bernard);
    await hideDocument(camille, secret.id!); // twice changes nothing
    const mine = await listDocuments(camille, world.ids.camille, parseDocumentFilters({ q: "toxoplasmose" }).filters);
    expect(mine.items.map((d) => [d.id, d.hidden])).toEqual([[secret.id, true]]);

    const list = await listDocuments(bernard, world.ids.camille, parseDocumentFilters({}).filters);
    expect(list.items.map((d) => d.id)).not.toContain(secret.id);
    const search = await listDocuments(bernard, world.ids.camille, parseDocumentFilters({ q: "toxoplasmose" }).filters);
    expect(search.total).toBe(0);
    expect(await statusOf(getDocument(bernard, secret.id!))).toBe(404);
    expect(await statusOf(bernard.readDocumentFile(secret.id!))).toBe(404);
    expect(await statusOf(bernard.history("DocumentReference", secret.id!))).toBe(404);
    // The attempts are in Camille's trail, as refusals.
    const rows = await auditRows(world.ids.camille, `DocumentReference/${secret.id}`);
    expect(rows.filter((r) => r.agent === `Practitioner/${world.ids.bernard}` && r.outcome === "denied").map((r) => r.reason)).toContain("hidden");

    await showDocument(camille, secret.id!);
    bernard = await world.repoFor(world.actors.bernard);
    expect(await statusOf(bernard.readDocumentFile(secret.id!))).toBe(200);
    const after = await listDocuments(camille, world.ids.camille, parseDocumentFilters({ q: "toxoplasmose" }).filters);
    expect(after.items[0]?.hidden).toBe(false);
  });

  it("does not let a caregiver without privacy:manage hide, show or relabel a document", async () => {
    const jeanDoc = await world.addDocument({ patientId: world.ids.jean, kind: "lab", title: "Glycémie de Jean" });
    const caregiver = await world.repoFor(world.actors.camilleForJean);
    const detail = await getDocument(caregiver, jeanDoc.id!);
    expect(detail.rights.managePrivacy).toBe(false);
    expect(detail.views).toBeUndefined();
    const list = await listDocuments(caregiver, world.ids.jean, parseDocumentFilters({}).filters);
    expect(list.showPrivacy).toBe(false);
    expect(list.items.map((d) => d.id)).toContain(jeanDoc.id);
    expect(await statusOf(hideDocument(caregiver, jeanDoc.id!))).toBe(403);
    expect(await statusOf(setConfidentiality(caregiver, jeanDoc.id!, "V"))).toBe(403);
    const jean = await world.repoFor(world.actors.jean);
    await hideDocument(jean, jeanDoc.id!);
    expect(await statusOf(showDocument(caregiver, jeanDoc.id!))).toBe(403);
  });

  it("lets no professional hide or relabel, and no one reach another patient's document", async () => {
    const bernard = await world.repoFor(world.actors.bernard);
    expect(await statusOf(hideDocument(bernard, report.id!))).toBe(403);
    expect(await statusOf(setConfidentiality(bernard, report.id!, "N"))).toBe(403);
    const jean = await world.repoFor(world.actors.jean);
    expect(await statusOf(hideDocument(jean, report.id!))).toBe(404);
    expect(await statusOf(setConfidentiality(jean, report.id!, "N"))).toBe(404);
    expect(await statusOf(deleteOwnDocument(jean, report.id!))).toBe(404);
  });
});

describe("confidentiality levels", () => {
  it("restricts a document to the patient alone (V), then back to normal, keeping a version each time", async () => {
    const doc = await world.addDocument({ kind: "consultation", title: "Compte rendu psychiatrique" });
    const camille = await world.repoFor(world.actors.camille);
    const bernard = () => world.repoFor(world.actors.bernard);
    const secret = await setConfidentiality(camille, doc.id!, "V");
    expect(secret.meta?.security).toEqual([{ system: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", code: "V" }]);
    expect(secret.meta?.versionId).toBe("2");
    expect(await statusOf((await bernard()).readDocumentFile(doc.id!))).toBe(404);
    const restricted = await setConfidentiality(camille, doc.id!, "R");
    // Bernard's authorisation does not include restricted documents.
    expect(await statusOf((await bernard()).readDocumentFile(doc.id!))).toBe(404);
    // A stale page (version 2) cannot overwrite the newer choice.
    expect(await statusOf(setConfidentiality(camille, doc.id!, "N", "2"))).toBe(412);
    const normal = await setConfidentiality(camille, doc.id!, "N", restricted.meta?.versionId);
    expect(normal.meta?.security).toBeUndefined();
    expect(await statusOf((await bernard()).readDocumentFile(doc.id!))).toBe(200);
    const history = await camille.history("DocumentReference", doc.id!);
    expect(history.versions.map((h) => h.versionId)).toEqual([4, 3, 2, 1]);
  });
});

describe("deleting one's own document", () => {
  it("deletes what the patient added (a tombstone in the history), never what a professional wrote", async () => {
    const camille = await world.repoFor(world.actors.camille);
    const own = await world.addDocument({ kind: "personal", title: "Mes notes", author: `Patient/${world.ids.camille}` });
    await deleteOwnDocument(camille, own.id!);
    expect(await statusOf(getDocument(camille, own.id!))).toBe(404);
    const history = await camille.history("DocumentReference", own.id!);
    expect(history.versions[0]?.deleted).toBe(true);
    expect(await statusOf(deleteOwnDocument(camille, report.id!))).toBe(403);
    expect(await statusOf(getDocument(camille, report.id!))).toBe(200);
  });
});
