import { beforeAll, describe, expect, it } from "vitest";
import { COUNTED_AHEAD, parseDocumentFilters } from "@/lib/documents/document-filters";
import { database } from "@/server/db/client";
import { listDocuments } from "@/server/documents/list-documents";
import * as documentsPage from "@/pages/espace/documents/index";
import { signIn } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { useTestDatabase } from "../../setup/test-database";
import { buildWorld, type World } from "./world";

useTestDatabase();

/**
 * A documents list counts at most COUNTED_AHEAD documents past its page's first (issue 16: the
 * count was the documents page's costliest statement on a record of 5,000). Camille's record gets
 * 1,030 documents: one made through the repository, the others copies of its row (the count reads
 * nothing else, and 1,029 creations would take minutes).
 */
const RECORD = COUNTED_AHEAD + 30;
let world: World;

beforeAll(async () => {
  world = await buildWorld();
  const made = await world.addDocument({ kind: "lab", title: "Bilan", date: "2024-03-01T10:00:00Z" });
  const { sql } = await database();
  await sql.query(
    `INSERT INTO fhir_resource (id, resource_type, version_id, last_updated, deleted, content, patient_id, status, category, code, date, author, actor_ref, security, search_text, group_id)
     SELECT gen_random_uuid(), resource_type, version_id, last_updated, deleted, content, patient_id, status, category, code, date - make_interval(days => n), author, actor_ref, security, search_text, group_id
       FROM fhir_resource, generate_series(1, $2::int) AS n WHERE id = $1::uuid`,
    [made.id, RECORD - 1],
  );
}, 120_000);

describe("a long record's count", () => {
  it("stops past COUNTED_AHEAD documents and says the list goes on", async () => {
    const camille = await world.repoFor(world.actors.camille);
    const list = await listDocuments(camille, world.ids.camille, parseDocumentFilters({}).filters);
    expect(list.items).toHaveLength(20);
    expect(list).toMatchObject({ total: COUNTED_AHEAD, totalCapped: true, page: 1, pageCount: COUNTED_AHEAD / 20 });
  });

  it("counts exactly when the rest of the list is within the bound", async () => {
    const camille = await world.repoFor(world.actors.camille);
    const deep = await listDocuments(camille, world.ids.camille, parseDocumentFilters({ page: "40" }).filters);
    expect(deep).toMatchObject({ total: RECORD, totalCapped: false, page: 40, pageCount: Math.ceil(RECORD / 20) });
    const last = await listDocuments(camille, world.ids.camille, parseDocumentFilters({ page: String(Math.ceil(RECORD / 20)) }).filters);
    expect(last.items).toHaveLength(RECORD % 20 || 20);
    expect(last.totalCapped).toBe(false);
  });

  it("counts exactly a filtered list shorter than the bound", async () => {
    const camille = await world.repoFor(world.actors.camille);
    const march = await listDocuments(camille, world.ids.camille, parseDocumentFilters({ du: "2024-02-01", au: "2024-03-01" }).filters);
    expect(march).toMatchObject({ total: 30, totalCapped: false, pageCount: 2 });
  });

  it("bounds a professional's view the same way, counting only what they may see", async () => {
    const bernard = await world.repoFor(world.actors.bernard);
    const list = await listDocuments(bernard, world.ids.camille, parseDocumentFilters({}).filters);
    expect(list).toMatchObject({ total: COUNTED_AHEAD, totalCapped: true });
  });

  it("tells Camille on her documents page that there are more than 1,000, with a link to the next page", async () => {
    const { cookie } = await signIn(`Patient/${world.ids.camille}`, { name: "Camille" });
    const first = await servePage(documentsPage, "/espace/documents", { cookie });
    expect(first.status).toBe(200);
    expect(first.html).toContain("Plus de 1\u202f000 documents");
    expect(first.html).toContain("Page 1 sur plus de 50");
    expect(first.html).toContain('href="/espace/documents?page=2"');
    const deep = await servePage(documentsPage, "/espace/documents?page=40", { cookie });
    expect(deep.html).toContain(`${RECORD.toLocaleString("fr-FR")} documents`);
    expect(deep.html).toContain(`Page 40 sur ${Math.ceil(RECORD / 20)}`);
  });

  it("keeps the API's total exact: only the pages ask for a bound", async () => {
    const camille = await world.repoFor(world.actors.camille);
    const { total } = await camille.search("DocumentReference", { patientId: world.ids.camille, count: 1, total: true });
    expect(total).toBe(RECORD);
    const bounded = await camille.search("DocumentReference", { patientId: world.ids.camille, count: 1, total: true, totalUpTo: 7 });
    expect(bounded.total).toBe(7);
    // Past the end of the list, the count is asked on its own, bounded the same way.
    const past = await camille.search("DocumentReference", { patientId: world.ids.camille, count: 20, offset: RECORD, total: true, totalUpTo: 7 });
    expect(past).toMatchObject({ resources: [], total: 7 });
  });
});
