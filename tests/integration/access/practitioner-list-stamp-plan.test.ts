import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { LIST_STAMP_SQL } from "@/server/fhir/practitioner-patients";
import { useTestDatabase } from "../../setup/test-database";
import { asOwner } from "../audit/owner-sql";
import { planOf } from "../query-plan";

// A database of its own: its statistics are those of this file's rows alone (see beforeAll).
const db = useTestDatabase({ fresh: true });

/**
 * A professional's home page asks on every view whether their list of patients changed
 * (practitioner-patients.ts, LIST_STAMP_SQL): it matches their authorisations' patients with the
 * Patients' versions. That must be read from the indexes alone, the patients coming in order from
 * resource_consent_actor_patient_idx, with nothing sorted or hashed on the way: sorting the 2,000
 * patient ids of the bench's professional was a third of the statement, on every view (issue 16,
 * prisma/migrations/20261214010000_practitioner_list_stamp_in_patient_order). Checked on the
 * generic plan, as the app's driver prepares the statement once per connection (mergedPlan).
 */
const PATIENTS = 2_000;
const reference = `Practitioner/${randomUUID()}`;

beforeAll(async () => {
  // Written as the owner, as rows only: what is measured here is the plan. The professional's
  // 2,000 patients (one in fifty of whom blocked them too), and 3,000 other professionals with a
  // patient each: the planner then expects few authorisations for any one professional, as on the
  // bench's world, where it chose to merge the two lists (and so to sort the first, before).
  await asOwner(db(), async (owner) => {
    const consents = (actor: string) => `
      WITH patients AS (
        INSERT INTO fhir_resource (id, resource_type, version_id, last_updated, content)
        SELECT gen_random_uuid(), 'Patient', 1 + n % 3, now(), jsonb_build_object('resourceType', 'Patient') FROM generate_series(1, $1::int) AS n
        RETURNING id)
      INSERT INTO fhir_resource (id, resource_type, version_id, last_updated, content, patient_id, category, actor_ref, status)
      SELECT gen_random_uuid(), 'Consent', 1, now(), jsonb_build_object('resourceType', 'Consent'), patients.id,
             CASE WHEN $2::boolean AND row_number() OVER () % 50 = 0 THEN 'block' ELSE 'authorise' END, ${actor}, 'active'
        FROM patients`;
    await owner.query(consents("$3"), [PATIENTS, true, reference]);
    await owner.query(consents("'Practitioner/' || gen_random_uuid()"), [3_000, false]);
    // VACUUM marks the pages all-visible, as autovacuum has them in a running database, so that
    // the plan may read the indexes alone.
    await owner.exec("VACUUM ANALYZE fhir_resource");
  });
}, 120_000);

/**
 * The generic plan, the two lists merged: on the bench's world the planner merges them (measured,
 * scripts/bench/measured/pages-2026-12-04.txt), on this small database it may walk one and look
 * the other up row by row; what the index must give is the order a merge needs.
 */
const mergedPlan = (sql: string, values: string[]) =>
  planOf(db(), sql, values, { plan_cache_mode: "force_generic_plan", enable_nestloop: "off", enable_hashjoin: "off", enable_hashagg: "off" });

describe("the stamp of a professional's list of patients", () => {
  it("merges the authorisations' patients with the Patients' versions, both from their indexes alone, nothing sorted", async () => {
    const plan = await mergedPlan(LIST_STAMP_SQL, [reference]);
    const scans = plan.filter((node) => node["Index Name"]).map((node) => [node["Node Type"], node["Index Name"]]);
    expect(scans).toEqual(
      expect.arrayContaining([
        ["Index Only Scan", "resource_consent_actor_patient_idx"],
        ["Index Only Scan", "resource_patient_version_idx"],
      ]),
    );
    expect(plan.map((node) => node["Node Type"])).not.toEqual(expect.arrayContaining(["Sort"]));
    expect(plan.map((node) => node["Node Type"])).toContain("Merge Join");
  });

  it("counts and sums what it stands for: the professional's authorisations and blocks, and their patients", async () => {
    const [row] = await db().sql.query<{ stamp: string }>(LIST_STAMP_SQL, [reference]);
    const blocks = PATIENTS / 50;
    // Every Consent at version 1; the authorising patients at 1 + n % 3 (n from 1 to 600, blocks' patients excluded).
    const [expected] = await db().sql.query<{ n: number; versions: number }>(
      `SELECT count(*)::int AS n, sum(p.version_id)::int AS versions FROM fhir_resource p
        WHERE p.id IN (SELECT patient_id FROM fhir_resource WHERE actor_ref = $1 AND category = 'authorise' AND resource_type = 'Consent')`,
      [reference],
    );
    expect(expected!.n).toBe(PATIENTS - blocks);
    expect(row!.stamp).toBe(`${PATIENTS}:${PATIENTS}:${PATIENTS - blocks}:${expected!.versions}`);
  });
});
