import type { Bundle, DocumentReference, RelatedPerson } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/access/actor";
import { loadGrowth } from "@/server/children/load-growth";
import { getDocument } from "@/server/documents/get-document";
import { listDocuments } from "@/server/documents/list-documents";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { listAccessHistory } from "@/server/history/list-access-history";
import { searchAuditEvents } from "@/server/audit/read-audit-events";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, idsOf, sameOrigin, warmUpValidator } from "../fhir-api/http";
import { buildWorld, type World } from "./world";


/**
 * Two guardians manage Léo's space; neither can end the other's tie (a judge's matter), through
 * the API as the second guardian would try it. And what Léo keeps secret (documents and
 * measures a professional labelled minor-secret, Code de la santé publique L1111-5) stays out
 * of every path a guardian takes: read, search, text search, history, the documents list, a
 * document's page, the access history, the growth page and its certificates.
 */
useTestDatabase();
let world: World;
beforeAll(async () => {
  warmUpValidator();
  world = await buildWorld();
}, 120_000);

const tieOf = async (id: string) => (await systemRepository("children-tests-check")).read<RelatedPerson>("RelatedPerson", id);

describe("one guardian cannot remove the other", () => {
  it("Paul, Léo's other guardian, cannot delete Camille's guardianship: 403, and it stays", async () => {
    const answer = await fhir("DELETE", `RelatedPerson/${world.ids.camilleTie}`, { cookie: world.sessions.paulForLeo.cookie, headers: sameOrigin() });
    expect(answer.status).toBe(403);
    expect((await tieOf(world.ids.camilleTie)).active).toBe(true);
  });

  it("nor end it by a change (inactive, an end date, no longer a guardian): 403, unchanged", async () => {
    const stored = await tieOf(world.ids.camilleTie);
    const changes: RelatedPerson[] = [
      { ...stored, active: false },
      { ...stored, period: { end: "2026-01-01" } },
      { ...stored, relationship: [{ text: "Aidant" }] },
    ];
    for (const body of changes) {
      const answer = await fhir("PUT", `RelatedPerson/${stored.id}`, { cookie: world.sessions.paulForLeo.cookie, body, headers: sameOrigin({ "if-match": `W/"${stored.meta?.versionId}"` }) });
      expect(answer.status).toBe(403);
    }
    const after = await tieOf(world.ids.camilleTie);
    expect(after.meta?.versionId).toBe(stored.meta?.versionId);
  });

  it("and Camille still manages Léo's space afterwards, as Paul does", async () => {
    expect((await fhir("GET", `Patient/${world.ids.leo}`, { cookie: world.sessions.camilleForLeo.cookie })).status).toBe(200);
    expect((await fhir("GET", `Patient/${world.ids.leo}`, { cookie: world.sessions.paulForLeo.cookie })).status).toBe(200);
  });
});

describe("Léo's secret stays out of every path his guardian takes", () => {
  const asCamille = async () => {
    const actor: Actor = { kind: "guardian", accountId: world.sessions.camilleForLeo.accountId, selfPatientId: world.ids.camille, patientId: world.ids.leo, relatedPersonId: world.ids.camilleTie };
    return createRepository(actor);
  };

  it("exists, and a control document of the same kind is seen (the paths below can see documents)", async () => {
    const system = await systemRepository("children-tests-check");
    expect((await system.read<DocumentReference>("DocumentReference", world.ids.secretDocument)).id).toBe(world.ids.secretDocument);
    expect((await fhir("GET", `DocumentReference/${world.ids.certificate}`, { cookie: world.sessions.camilleForLeo.cookie })).status).toBe(200);
  });

  it("the FHIR API: read, vread, history, search and text search answer as if it did not exist", async () => {
    const cookie = world.sessions.camilleForLeo.cookie;
    for (const path of [`DocumentReference/${world.ids.secretDocument}`, `DocumentReference/${world.ids.secretDocument}/_history`, `DocumentReference/${world.ids.secretDocument}/_history/1`, `Observation/${world.ids.secretMeasure}`, `Observation/${world.ids.secretMeasure}/_history`]) {
      expect((await fhir("GET", path, { cookie })).status, path).toBe(404);
    }
    const documents = await fhir("GET", `DocumentReference?patient=${world.ids.leo}&_count=100`, { cookie });
    expect(idsOf(documents)).toContain(world.ids.certificate);
    expect(idsOf(documents)).not.toContain(world.ids.secretDocument);
    const byText = await fhir("GET", `DocumentReference?patient=${world.ids.leo}&_content=confidentielle`, { cookie });
    expect(byText.status).toBe(200);
    expect(idsOf(byText)).not.toContain(world.ids.secretDocument);
    const measures = await fhir("GET", `Observation?patient=${world.ids.leo}&_count=100&_total=accurate`, { cookie });
    expect(idsOf(measures)).not.toContain(world.ids.secretMeasure);
    const total = (measures.json() as Bundle).total;
    if (total !== undefined) expect(total).toBe(idsOf(measures).length);
  });

  it("the pages' use cases: documents list and text search, the document's page, the growth page and its certificates", async () => {
    const repo = await asCamille();
    const list = await listDocuments(repo, world.ids.leo, { page: 1 });
    const listed = JSON.stringify(list);
    expect(listed).toContain(world.ids.certificate);
    expect(listed).not.toContain(world.ids.secretDocument);
    const searched = JSON.stringify(await listDocuments(repo, world.ids.leo, { page: 1, text: "certificat" }));
    expect(searched).not.toContain(world.ids.secretDocument);
    await expect(getDocument(repo, world.ids.secretDocument)).rejects.toMatchObject({ status: 404 });
    const growth = await loadGrowth(repo, world.ids.leo);
    expect(growth.certificates.map((d) => d.id)).toEqual([world.ids.certificate]);
    expect(growth.series.weight.map((p) => p.id)).not.toContain(world.ids.secretMeasure);
  });

  it("the access history and the audit trail say nothing of it to the guardian (the patient's trail does hold it)", async () => {
    const repo = await asCamille();
    const history = await listAccessHistory(repo, world.ids.leo, 1);
    expect(history.allowed).toBe(true);
    const events = await searchAuditEvents(repo, { patientId: world.ids.leo, count: 100, offset: 0, order: "groups", total: true });
    const entities = events.events.flatMap((e) => (e.entity ?? []).map((x) => x.what?.reference));
    expect(entities).not.toContain(`DocumentReference/${world.ids.secretDocument}`);
    expect(entities).not.toContain(`Observation/${world.ids.secretMeasure}`);
    const system = await searchAuditEvents(await systemRepository("children-tests-check"), { patientId: world.ids.leo, count: 100, offset: 0, order: "groups", total: true });
    expect(system.events.flatMap((e) => (e.entity ?? []).map((x) => x.what?.reference))).toContain(`DocumentReference/${world.ids.secretDocument}`);
  });
});
