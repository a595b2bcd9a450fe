import { beforeAll, describe, expect, it } from "vitest";
import { parseDocumentFilters } from "@/lib/documents/document-filters";
import { facetNames, listDocumentFacets } from "@/server/documents/list-document-facets";
import { listDocuments } from "@/server/documents/list-documents";
import { useTestDatabase } from "../../setup/test-database";
import { buildWorld, type World } from "./world";

const db = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
  await world.addDocument({ kind: "lab", title: "Bilan" });
}, 120_000);

describe("the names of a list's authors and facilities", () => {
  it("come from the filters' directory when the page has it, without searching the directory again", async () => {
    const repo = await world.repoFor(world.actors.camille);
    // The directory's searches leave a trace row each: the count shows whether one happened.
    const directorySearches = () => db().prisma.auditEvent.count({ where: { agent: `Patient/${world.ids.camille}`, entity: { in: ["Practitioner", "Organization"] } } });
    const start = await directorySearches();
    const facets = await listDocumentFacets(repo, world.ids.camille);
    const before = await directorySearches();
    expect(before).toBeGreaterThan(start);
    const list = await listDocuments(repo, world.ids.camille, parseDocumentFilters({}).filters, { knownNames: Promise.resolve(facetNames(facets)) });
    const after = await directorySearches();
    expect(list.items[0]).toMatchObject({ title: "Bilan", authorName: expect.stringContaining("Bernard"), facilityName: "Cabinet des Tests" });
    expect(after).toBe(before);
  });

  it("are still found for authors the page did not have", async () => {
    const repo = await world.repoFor(world.actors.camille);
    const list = await listDocuments(repo, world.ids.camille, parseDocumentFilters({}).filters, { knownNames: Promise.resolve(new Map()) });
    expect(list.items[0]).toMatchObject({ authorName: expect.stringContaining("Bernard"), facilityName: "Cabinet des Tests" });
  });
});
