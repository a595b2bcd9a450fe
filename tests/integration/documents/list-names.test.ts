import { beforeAll, describe, expect, it } from "vitest";
import { parseDocumentFilters } from "@/lib/documents/document-filters";
import { listWithFacets } from "@/server/documents/list-document-facets";
import { listDocuments } from "@/server/documents/list-documents";
import { useTestDatabase } from "../../setup/test-database";
import { buildWorld, type World } from "./world";

const db = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
  await world.addDocument({ kind: "lab", title: "Bilan" });
  // Kept by a hospital where its author does not practise: a name the filters' choices do not hold.
  await world.addDocument({ kind: "imaging", title: "Radio ancienne", date: "2020-01-06T10:00:00Z", custodianId: world.ids.otherOrg });
}, 120_000);

/** The directory searches Camille's repository made, as her trail keeps them: one row per search, naming the types it searched. */
const directorySearches = () =>
  db().sql.query<{ entity: string }>(
    "SELECT entity FROM audit_event WHERE agent = $1 AND entity IN ('Practitioner', 'Organization', 'Practitioner,Organization', 'Organization,Practitioner') ORDER BY seq",
    [`Patient/${world.ids.camille}`],
  );

describe("the names of a list's authors and facilities", () => {
  it("are found with the filters' choices in one directory search, custodians outside the choices included", async () => {
    const repo = await world.repoFor(world.actors.camille);
    const before = (await directorySearches()).length;
    const { list, facets } = await listWithFacets(repo, world.ids.camille, parseDocumentFilters({}).filters);
    expect(list.items.map(({ title, authorName, facilityName }) => ({ title, authorName, facilityName }))).toEqual([
      { title: "Bilan", authorName: expect.stringContaining("Bernard"), facilityName: "Cabinet des Tests" },
      { title: "Radio ancienne", authorName: expect.stringContaining("Bernard"), facilityName: "Hôpital des Tests" },
    ]);
    expect(facets.authors.map((author) => author.label)).toEqual([expect.stringContaining("Bernard")]);
    expect(facets.facilities.map((facility) => facility.label)).toEqual(["Cabinet des Tests"]);
    // One search of both types, one row: naming the hospital was a second search of its own.
    expect((await directorySearches()).slice(before).map((row) => row.entity.split(",").sort())).toEqual([["Organization", "Practitioner"]]);
  });

  it("are found by a list alone, from the directory", async () => {
    const repo = await world.repoFor(world.actors.camille);
    const list = await listDocuments(repo, world.ids.camille, parseDocumentFilters({}).filters);
    expect(list.items[0]).toMatchObject({ authorName: expect.stringContaining("Bernard"), facilityName: "Cabinet des Tests" });
    expect(list.items[1]).toMatchObject({ facilityName: "Hôpital des Tests" });
  });
});
