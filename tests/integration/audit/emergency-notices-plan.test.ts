import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { EMERGENCY_ROWS } from "@/server/audit/read-audit";
import { useTestDatabase } from "../../setup/test-database";
import { planOf } from "../query-plan";
import { tamper } from "./owner-sql";

// A database of its own: its statistics are those of this file's rows alone (see beforeAll).
const db = useTestDatabase({ fresh: true });

/**
 * The home page's emergency notices read, on every view, the patient's emergency accesses of the
 * last 30 days and those the professional ended herself (read-audit.ts, EMERGENCY_ROWS). Both are
 * rare rows in a long trail. With the interaction passed as a parameter, the planner could use no
 * partial index, and the pages bench's patient (100,000 rows in her trail) saw her home page
 * answer in 34 ms instead of 4 (run 123, issue 16). Checked here, with the plan PostgreSQL makes
 * for one view, custom and generic: each read walks its own partial index, never the trail.
 */
const patientId = randomUUID();

beforeAll(async () => {
  // Rows only, as the owner with the chain trigger off: what is measured here is the plan.
  await tamper(db(), [
    {
      sql: `INSERT INTO audit_event (seq, id, recorded, agent, actor_kind, patient_id, entity, interaction, outcome, detail)
            SELECT nextval('audit_event_seq_seq'), gen_random_uuid(), now() - (n || ' seconds')::interval,
                   CASE WHEN n % 20000 = 0 THEN 'Practitioner/' || gen_random_uuid() ELSE 'Patient/' || $1 END,
                   CASE WHEN n % 20000 = 0 THEN 'practitioner' ELSE 'patient' END,
                   $1::uuid, 'Patient/' || $1,
                   CASE WHEN n % 40000 = 0 THEN 'emergency-end' WHEN n % 20000 = 0 THEN 'emergency-access' ELSE 'search' END,
                   'success', '{}'::jsonb
              FROM generate_series(1, 100000) AS n`,
      params: [patientId],
    },
  ]);
  await tamper(db(), [{ sql: "ANALYZE audit_event" }]);
}, 120_000);

const since = () => new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString();

describe("the home page's emergency notices, on a long trail", () => {
  for (const [interaction, index] of [
    ["emergency-access", "audit_patient_emergency_idx"],
    ["emergency-end", "audit_patient_emergency_end_idx"],
  ] as const) {
    for (const mode of ["force_custom_plan", "force_generic_plan"]) {
      it(`reads the ${interaction} rows from their own partial index (${mode})`, async () => {
        const plan = await planOf(db(), EMERGENCY_ROWS[interaction], [patientId, since(), 10], { plan_cache_mode: mode });
        expect(plan.filter((node) => node["Index Name"]).map((node) => node["Index Name"])).toEqual([index]);
        expect(plan.map((node) => node["Node Type"])).not.toContain("Seq Scan");
      });
    }
  }

  it("finds them, newest first", async () => {
    const ends = await db().sql.query<{ interaction: string }>(EMERGENCY_ROWS["emergency-end"], [patientId, since(), 10]);
    const accesses = await db().sql.query<{ interaction: string }>(EMERGENCY_ROWS["emergency-access"], [patientId, since(), 10]);
    expect([ends.length, accesses.length]).toEqual([2, 3]);
  });
});
