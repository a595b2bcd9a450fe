import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/access/actor";
import { hideDocument } from "@/server/documents/hide-document";
import { searchWhere } from "@/server/fhir/search-where";
import { orderBy, SqlParams } from "@/server/fhir/search-sql";
import type { Confidentiality } from "@/lib/fhir/systems";
import { useTestDatabase } from "../../setup/test-database";
import { asOwner } from "../audit/owner-sql";
import { planOf } from "../query-plan";
import { buildWorld, type World } from "./world";

// A database of its own: its statistics are those of this file's rows alone (see beforeAll).
const db = useTestDatabase({ fresh: true });

/**
 * Every documents list shows a page of what its reader may see in the record, and counts it. Each
 * usual reader has a partial index holding only the rows that reader's filter keeps, in the lists'
 * order (prisma/migrations/20261212010000_documents_by_reader_level), which PostgreSQL may use only
 * if it can prove the statement's WHERE implies the index's: a change to how row-filter-sql.ts
 * writes a reader's levels would silently put a 5,000-document record's count back on every
 * entry's labels (issue 16). And the lists' statements are prepared once per connection, so they
 * may be planned for an average record: such a plan must still walk the date order and stop at
 * the page's last row, not sort the whole record. Checked on the SQL the app writes for each
 * reader, prepared and planned generically, as the app's driver runs it.
 */
let world: World;
const LEVELS: Confidentiality[] = ["N", "N", "N", "R", "R", "V"];

const LARGE_RECORD = 1_000;
let normalDocumentOfCamille = "";

beforeAll(async () => {
  world = await buildWorld();
  for (const patientId of [world.ids.camille, world.ids.jean]) {
    for (const [i, confidentiality] of LEVELS.entries()) {
      const added = await world.addDocument({ patientId, kind: i % 2 ? "lab" : "imaging", title: `Bilan ${i}`, date: `2024-03-0${i + 1}T10:00:00Z`, confidentiality });
      if (patientId === world.ids.camille && confidentiality === "N") normalDocumentOfCamille = added.id!;
    }
  }
  // The shape that misled the planner: many records of a document or two, and a few large ones.
  // Statements planned for the average record must still serve the large ones well. Written as
  // the owner, as rows only (no file, no history): what is measured here is their plans.
  await asOwner(db(), async (owner) => {
    for (const patientId of [world.ids.camille, world.ids.jean]) {
      await owner.query(
        `INSERT INTO fhir_resource (id, resource_type, version_id, last_updated, content, patient_id, category, date, author)
         SELECT gen_random_uuid(), 'DocumentReference', 1, now(), jsonb_build_object('resourceType', 'DocumentReference'), $1::uuid,
                CASE WHEN n % 6 = 0 THEN 'lab' ELSE 'imaging' END, timestamptz '2020-01-01' + (random() * 2000)::int * interval '1 day', 'Practitioner/' || $2
           FROM generate_series(1, $3::int) AS n`,
        [patientId, world.ids.bernard, LARGE_RECORD],
      );
    }
    // 300 records of 20 documents each, each record's rows together, in the six categories, as the bench's world has them.
    await owner.query(
      `INSERT INTO fhir_resource (id, resource_type, version_id, last_updated, content, patient_id, category, date, security)
       SELECT gen_random_uuid(), 'DocumentReference', 1, now(), jsonb_build_object('resourceType', 'DocumentReference'), record.id,
              (ARRAY['lab', 'imaging', 'report', 'prescription', 'vaccination', 'personal'])[n % 6 + 1],
              timestamptz '2020-01-01' + (random() * 2000)::int * interval '1 day', CASE WHEN n % 10 = 0 THEN ARRAY['R'] ELSE ARRAY[]::text[] END
         FROM (SELECT gen_random_uuid() AS id FROM generate_series(1, 300)) AS record, generate_series(1, 20) AS n`,
    );
    // VACUUM too: it marks the pages all-visible, as autovacuum has them in a running database, so that
    // the plans may count from the indexes alone (without it every entry costs a visit to its row).
    await owner.exec("VACUUM ANALYZE fhir_resource");
  });
}, 120_000);

/**
 * The generic plan of a statement, its parameters as the app sends them. Not reading the whole
 * table: on a test database of a few thousand rows that may win, which says nothing about how a
 * record is read among millions.
 */
const genericPlan = (sql: string, values: unknown[]) =>
  planOf(db(), sql, values, { plan_cache_mode: "force_generic_plan", enable_seqscan: "off", enable_bitmapscan: "off" });

/** What this reader's documents list reads: the count's index, whether a page sorts, and what it counts. */
async function readerPlans(actor: Actor, patientId: string): Promise<{ countIndex: string[]; sorted: boolean; total: number | undefined }> {
  const repo = await world.repoFor(actor);
  const { total } = await repo.search("DocumentReference", { patientId, total: true, count: 1 });
  const p = new SqlParams();
  const where = await searchWhere(repo, "DocumentReference", { patientId }, p);
  if (where === undefined) throw new Error("this reader may not search the record");
  const count = await genericPlan(`SELECT count(*) AS n FROM fhir_resource WHERE ${where}`, p.values);
  let sorted = false;
  // The page, and a page of one category (« Analyses »), as search.ts writes them.
  for (const request of [{ patientId }, { patientId, category: ["lab"] }]) {
    const q = new SqlParams();
    const pageWhere = await searchWhere(repo, "DocumentReference", request, q);
    const limit = q.add(21);
    const offset = q.add(0);
    const page = await genericPlan(`SELECT id, content FROM fhir_resource WHERE ${pageWhere} ORDER BY ${orderBy({ sort: "-date" })} LIMIT ${limit} OFFSET ${offset}`, q.values);
    sorted ||= page.some((node) => node["Node Type"] === "Sort");
  }
  return { countIndex: count.flatMap((node) => (node["Index Name"] ? [node["Index Name"]] : [])), sorted, total };
}

describe("a record's documents, listed and counted", () => {
  it("for the patient herself, from the index of her undeleted documents", async () => {
    const { countIndex, ...rest } = await readerPlans(world.actors.camille, world.ids.camille);
    expect(rest).toEqual({ sorted: false, total: 6 + LARGE_RECORD });
    // Either index holds exactly her undeleted documents; the one by category is wider, and the
    // planner takes one or the other depending on the statistics (the bench's world: the first).
    expect(countIndex).toHaveLength(1);
    expect(["resource_documents_idx", "resource_documents_category_idx"]).toContain(countIndex[0]);
  });

  it("for a professional, from the index of the record's normal documents", async () => {
    expect(await readerPlans(world.actors.bernard, world.ids.camille)).toEqual({ countIndex: ["resource_documents_normal_idx"], sorted: false, total: 3 + LARGE_RECORD });
  });

  it("for a caregiver, from the index of the record's documents that are not secret", async () => {
    expect(await readerPlans(world.actors.camilleForJean, world.ids.jean)).toEqual({ countIndex: ["resource_documents_not_secret_idx"], sorted: false, total: 5 + LARGE_RECORD });
  });

  it("of one category, from the index of the record's documents by category, for every reader", async () => {
    // resource_documents_category_idx (prisma/migrations/20261213010000_documents_by_category):
    // the count reads that category's entries only, their labels tested on the index itself.
    // PostgreSQL's plans, as the server runs the app's prepared statements: PGlite (PostgreSQL
    // 17's planner, whose statements the app does not prepare) plans the patient's own count of a
    // category generically on resource_patient_documents_idx, which is why CI does not run this
    // file on PGlite.
    const cases: [Actor, string, number][] = [
      [world.actors.camille, world.ids.camille, 3 + LARGE_RECORD / 6],
      [world.actors.bernard, world.ids.camille, 1 + LARGE_RECORD / 6],
      [world.actors.camilleForJean, world.ids.jean, 2 + LARGE_RECORD / 6],
    ];
    for (const [actor, patientId, expected] of cases) {
      const repo = await world.repoFor(actor);
      const { total } = await repo.search("DocumentReference", { patientId, category: ["lab"], total: true, count: 1 });
      expect(total).toBe(Math.floor(expected));
      const p = new SqlParams();
      const where = await searchWhere(repo, "DocumentReference", { patientId, category: ["lab"] }, p);
      const count = await genericPlan(`SELECT count(*) AS n FROM fhir_resource WHERE ${where!}`, p.values);
      expect(count.filter((node) => node["Index Name"]).map((node) => [node["Node Type"], node["Index Name"]]), actor.kind).toEqual([["Index Only Scan", "resource_documents_category_idx"]]);
    }
  });

  it("still counts right when the patient hides a document", async () => {
    // A hide rule adds the ids to the filter, which the readers' indexes do not hold: PostgreSQL
    // counts from resource_patient_documents_idx, whose INCLUDE holds them.
    await hideDocument(await world.repoFor(world.actors.camille), normalDocumentOfCamille);
    expect((await readerPlans(world.actors.bernard, world.ids.camille)).total).toBe(2 + LARGE_RECORD);
  });
});
