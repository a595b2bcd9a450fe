import { beforeAll, describe, expect, it, vi } from "vitest";
import { parseDocumentFilters } from "@/lib/documents/document-filters";
import { database } from "@/server/db/client";
import { listDocuments } from "@/server/documents/list-documents";
import { listDocumentFacets, listWithFacets } from "@/server/documents/list-document-facets";
import { genericPlanOf } from "../plan-probe";
import { hideDocument } from "@/server/documents/hide-document";
import { useTestDatabase } from "../../setup/test-database";
import { buildWorld, type World } from "./world";

useTestDatabase();

let world: World;
const titles = (list: { items: { title: string }[] }) => list.items.map((item) => item.title);

beforeAll(async () => {
  world = await buildWorld();
  await world.addDocument({ kind: "lab", title: "Bilan sanguin", date: "2024-03-01T10:00:00Z", text: ["Hémoglobine normale"] });
  await world.addDocument({ kind: "imaging", title: "Radiographie thoracique", date: "2024-05-10T10:00:00Z", text: ["Pas de pneumothorax visible"] });
  await world.addDocument({
    kind: "consultation",
    title: "Consultation cardiologie",
    date: "2023-11-20T10:00:00Z",
    author: `Practitioner/${world.ids.moreau}`,
    custodianId: world.ids.otherOrg,
    text: ["Échographie cardiaque sans anomalie"],
  });
  await world.addDocument({ kind: "personal", title: "Note personnelle", date: "2022-01-05T10:00:00Z", author: `Patient/${world.ids.camille}` });
}, 120_000);

describe("listing a patient's documents", () => {
  it("counts, in the page's own statement, what each actor may see, and past the end counts alone", async () => {
    const { sql } = await database();
    for (const actor of [world.actors.camille, world.actors.bernard]) {
      const repo = await world.repoFor(actor);
      const everything = await repo.search("DocumentReference", { patientId: world.ids.camille, count: 100 });
      const spy = vi.spyOn(sql, "query");
      try {
        const page = await repo.search("DocumentReference", { patientId: world.ids.camille, count: 2, sort: "-date", total: true });
        const reads = spy.mock.calls.filter(([text]) => text.includes("FROM fhir_resource"));
        expect(reads, actor.kind).toHaveLength(1);
        expect(page.total, actor.kind).toBe(everything.resources.length);
        expect(page.resources.map((d) => d.id), actor.kind).toEqual(everything.resources.slice(0, 2).map((d) => d.id));
        spy.mockClear();
        const past = await repo.search("DocumentReference", { patientId: world.ids.camille, count: 2, offset: 10, sort: "-date", total: true });
        expect(past.resources, actor.kind).toEqual([]);
        expect(past.total, actor.kind).toBe(everything.resources.length);
        expect(spy.mock.calls.filter(([text]) => text.includes("FROM fhir_resource")), actor.kind).toHaveLength(2);
      } finally {
        spy.mockRestore();
      }
    }
    // Blocked: nothing read, nothing counted.
    const blocked = await world.repoFor(world.actors.petit);
    expect(await blocked.search("DocumentReference", { patientId: world.ids.camille, count: 2, total: true })).toMatchObject({ resources: [], total: 0 });
  });

  it("lists newest first with the total", async () => {
    const repo = await world.repoFor(world.actors.camille);
    const list = await listDocuments(repo, world.ids.camille, parseDocumentFilters({}).filters);
    expect(titles(list)).toEqual(["Radiographie thoracique", "Bilan sanguin", "Consultation cardiologie", "Note personnelle"]);
    expect(list.total).toBe(4);
    expect(list.pageCount).toBe(1);
    expect(list.items[0]?.authorName).toBe("Dr Sophie Bernard");
    expect(list.items[0]?.facilityName).toBe("Cabinet des Tests");
  });

  it("filters by category, author, facility and date range from the URL", async () => {
    const repo = await world.repoFor(world.actors.camille);
    const byCategory = await listDocuments(repo, world.ids.camille, parseDocumentFilters({ categorie: "lab" }).filters);
    expect(titles(byCategory)).toEqual(["Bilan sanguin"]);
    const byAuthor = await listDocuments(repo, world.ids.camille, parseDocumentFilters({ auteur: world.ids.moreau }).filters);
    expect(titles(byAuthor)).toEqual(["Consultation cardiologie"]);
    const byFacility = await listDocuments(repo, world.ids.camille, parseDocumentFilters({ etablissement: world.ids.org }).filters);
    expect(titles(byFacility)).toEqual(["Radiographie thoracique", "Bilan sanguin"]);
    const byDates = await listDocuments(repo, world.ids.camille, parseDocumentFilters({ du: "2024-01-01", au: "2024-03-01" }).filters);
    expect(titles(byDates)).toEqual(["Bilan sanguin"]);
  });

  it("finds a word that appears only inside a PDF", async () => {
    const repo = await world.repoFor(world.actors.camille);
    const list = await listDocuments(repo, world.ids.camille, parseDocumentFilters({ q: "pneumothorax" }).filters);
    expect(titles(list)).toEqual(["Radiographie thoracique"]);
    const stemmed = await listDocuments(repo, world.ids.camille, parseDocumentFilters({ q: "échographie" }).filters);
    expect(titles(stemmed)).toEqual(["Consultation cardiologie"]);
  });

  it("ignores a bad filter and says so, keeping the good ones", async () => {
    const parsed = parseDocumentFilters({ categorie: "lab", auteur: "'; DROP TABLE fhir_resource; --", page: "-3" });
    expect(parsed.invalid).toBe(true);
    expect(parsed.filters).toMatchObject({ category: "lab", author: undefined, page: 1 });
  });

  it("pages by 20 and counts only what the actor may see", async () => {
    const extra = await Promise.all(
      Array.from({ length: 21 }, (_, i) =>
        world.addDocument({ patientId: world.ids.jean, kind: "lab", title: `Analyse ${i}`, date: new Date(Date.UTC(2020, 0, i + 1)).toISOString() }),
      ),
    );
    const jean = await world.repoFor(world.actors.jean);
    const page2 = await listDocuments(jean, world.ids.jean, parseDocumentFilters({ page: "2" }).filters);
    expect(page2.total).toBe(21);
    expect(page2.pageCount).toBe(2);
    expect(titles(page2)).toEqual(["Analyse 0"]);
    await hideDocument(jean, extra[20]!.id!);
    const bernard = await world.repoFor(world.actors.bernard);
    const seenByBernard = await listDocuments(bernard, world.ids.jean, parseDocumentFilters({}).filters);
    expect(seenByBernard.total).toBe(20);
    expect(titles(seenByBernard)).not.toContain("Analyse 20");
    expect(seenByBernard.showPrivacy).toBe(false);
    expect(seenByBernard.items.every((item) => !item.hidden)).toBe(true);
  });

  it("offers the professionals and facilities of the record as filter choices", async () => {
    const repo = await world.repoFor(world.actors.camille);
    const facets = await listDocumentFacets(repo, world.ids.camille);
    expect(facets.authors.map((a) => a.id)).toEqual(expect.arrayContaining([world.ids.bernard, world.ids.moreau]));
    expect(facets.facilities.map((f) => f.label)).toEqual(expect.arrayContaining(["Cabinet des Tests", "Hôpital des Tests"]));
  });

  it("reads a page, its total and the filters' choices in one statement, the choices computed once", async () => {
    const { sql } = await database();
    for (const actor of [world.actors.camille, world.actors.bernard]) {
      const repo = await world.repoFor(actor);
      const alone = await listDocumentFacets(repo, world.ids.camille);
      const spy = vi.spyOn(sql, "query");
      try {
        const { list, facets } = await listWithFacets(repo, world.ids.camille, parseDocumentFilters({}).filters);
        const reads = spy.mock.calls.filter(([text]) => text.includes("'DocumentReference'")).map(([text, params]) => ({ text, params: params ?? [] }));
        expect(reads, actor.kind).toHaveLength(1);
        expect(facets, actor.kind).toEqual(alone);
        expect(list.total, actor.kind).toBe(list.items.length);
        // The count and the choices computed once for the statement (InitPlans), not once for
        // each row of the page: had a column of theirs named the page's rows, they would be.
        const plan = await genericPlanOf(reads[0]!);
        const aggregates = plan.match(/Aggregate \(actual [^)]*\)/g) ?? [];
        expect(aggregates, plan).toHaveLength(2);
        expect(aggregates.every((line) => line.endsWith("loops=1)")), plan).toBe(true);
        expect(list.items.length, actor.kind).toBeGreaterThan(1);
        // A filter that finds nothing still offers every choice: they are read on their own then.
        const none = await listWithFacets(repo, world.ids.camille, parseDocumentFilters({ q: "aucun-document-ne-dit-cela" }).filters);
        expect(none.list.items, actor.kind).toEqual([]);
        expect(none.facets, actor.kind).toEqual(alone);
      } finally {
        spy.mockRestore();
      }
    }
  });

  it("shows nothing of Camille to a blocked professional or one she never authorised", async () => {
    for (const actor of [world.actors.petit, world.actors.moreau]) {
      const repo = await world.repoFor(actor);
      const list = await listDocuments(repo, world.ids.camille, parseDocumentFilters({}).filters);
      expect(list.total).toBe(0);
      expect(list.items).toEqual([]);
    }
  });
});
