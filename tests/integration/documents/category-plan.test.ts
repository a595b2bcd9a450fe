import { beforeAll, describe, expect, it, vi } from "vitest";
import { database } from "@/server/db/client";
import { createRepository, systemRepository, type Repository } from "@/server/fhir/repository";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { asOwner } from "../audit/owner-sql";
import { genericPlanOf, plansOf, type Sent } from "../plan-probe";

// A database of its own: the planner's choice rests on the documents' statistics.
const db = useTestDatabase({ fresh: true });

/**
 * The documents page filtered by one category (issue 16): with `category = ANY($n)`, the plan
 * PostgreSQL kept scanned every document of the patient and filtered the category, so the
 * filtered page was slower than the whole list in every round. One category is now compared as
 * one value, on the (patient, category) index. Here a record like the bench's, in six categories.
 */
const CATEGORIES = ["lab", "imaging", "report", "prescription", "vaccination", "personal"];
const PER_CATEGORY = 300;
let patientId = "";
let patient: Repository;

beforeAll(async () => {
  const system = await systemRepository("category-plan-tests");
  patientId = (await system.create(aPatient({ given: "Classée", family: "Partout" }))).id!;
  patient = await createRepository({ kind: "patient", accountId: newId(), patientId });
  await asOwner(db(), async (owner) => {
    await owner.query(
      `INSERT INTO fhir_resource (id, resource_type, version_id, last_updated, content, patient_id, status, category, date, author, security)
       SELECT id, 'DocumentReference', 1, now(), jsonb_build_object('resourceType', 'DocumentReference', 'id', id, 'status', 'current',
                'subject', jsonb_build_object('reference', 'Patient/' || $1), 'date', to_char(d, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
              $1::uuid, 'current', ($2::text[])[1 + i % $3::int], d, 'Patient/' || $1, ARRAY[]::text[]
         FROM (SELECT i, gen_random_uuid() AS id, now() - i * interval '1 hour' AS d FROM generate_series(1, $4::int) AS i) AS t`,
      [patientId, CATEGORIES, CATEGORIES.length, CATEGORIES.length * PER_CATEGORY],
    );
    await owner.exec("VACUUM ANALYZE fhir_resource");
  });
}, 120_000);

/** The statement the documents page's search sends for these categories (the page and its count), and its answer. */
async function sentBy(category: string[]) {
  const { sql } = await database();
  const spy = vi.spyOn(sql, "query");
  try {
    const result = await patient.search("DocumentReference", { patientId, category, count: 20, sort: "-date", total: true, totalUpTo: 1001 });
    const found = { ids: result.resources.map((r) => r.id), total: result.total };
    const sent: Sent[] = spy.mock.calls.map(([text, params]) => ({ text, params: params ?? [] }));
    const reads = sent.filter((s) => s.text.includes("FROM fhir_resource"));
    expect(reads).toHaveLength(1);
    return { found, statement: reads[0]! };
  } finally {
    spy.mockRestore();
  }
}

describe("the documents of one category, view after view", () => {
  it("are counted and paged on the (patient, category) index by the plan PostgreSQL keeps", async () => {
    const { found, statement } = await sentBy(["lab"]);
    expect(found.total).toBe(PER_CATEGORY);
    expect(found.ids).toHaveLength(20);
    expect(statement.text).toContain("count(*)");
    const plan = await genericPlanOf(statement);
    // Both scans, the page's and its count's, on the index, neither filtering the category.
    expect(plan.match(/Index Cond: .*category = \$\d+/g), plan).toHaveLength(2);
    expect(plan, statement.text).not.toMatch(/Filter: .*category/);
    expect((await plansOf(statement)).generic).toBeGreaterThan(0);
  });

  it("finds what the same search of several categories finds for that one", async () => {
    const one = await sentBy(["imaging"]);
    const several = await sentBy(["imaging", "no-such-category"]);
    expect(one.found).toEqual(several.found);
    expect(several.statement.text).toContain("= ANY(");
  });
});
