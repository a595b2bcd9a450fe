import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/server/db/client";
import type { Queryable } from "@/server/db/queryable";
import type { SqlDriver } from "@/server/db/sql-driver";
import { searchResources } from "@/server/fhir/search";
import { useTestDatabase } from "../../setup/test-database";
import { buildWorld, type World } from "./world";

useTestDatabase();

/**
 * The app prepares each statement once per connection (sql-driver.ts) so that PostgreSQL plans
 * it once and keeps the plan. A search's first page with `OFFSET $n` in its text never kept it:
 * the generic plan, costed for an unknown offset, always looked dearer than one made for the
 * values at hand, so it was planned again on every page view (issue 16). Here the statements a
 * search really sends are prepared on one connection and run as a page would run them; then
 * PostgreSQL says whether it kept a plan.
 */
type Sent = { text: string; params: unknown[] };

function recorder(sql: SqlDriver, sent: Sent[]): Queryable {
  return {
    query: <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => {
      sent.push({ text, params });
      return sql.query<T>(text, params);
    },
  };
}

/** A value as an SQL literal of unknown type, which PostgreSQL casts to the parameter's type (as it does a value sent apart). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return literal(value.toISOString());
  if (Array.isArray(value)) return literal(`{${value.map((v) => `"${String(v).replace(/["\\]/g, "\\$&")}"`).join(",")}}`);
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** How PostgreSQL planned `statement` over seven runs on one connection, as a page view after page view would. */
async function plansOf(statement: Sent): Promise<{ generic: number; custom: number }> {
  const { sql } = await database();
  return sql.session(async (conn) => {
    await conn.exec(`PREPARE plan_probe AS ${statement.text}`);
    try {
      const execute = `EXECUTE plan_probe${statement.params.length ? `(${statement.params.map(literal).join(", ")})` : ""}`;
      for (let run = 0; run < 7; run++) await conn.exec(execute);
      const [row] = await conn.query<{ generic: number | string; custom: number | string }>(
        `SELECT generic_plans AS generic, custom_plans AS custom FROM pg_prepared_statements WHERE name = 'plan_probe'`,
      );
      return { generic: Number(row?.generic ?? 0), custom: Number(row?.custom ?? 0) };
    } finally {
      await conn.exec("DEALLOCATE plan_probe");
    }
  });
}

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

describe("a search's first page, run again and again", () => {
  it("keeps its plan (the sharing page's rules, a search by status)", async () => {
    const { sql } = await database();
    const sent: Sent[] = [];
    const camille = await world.repoFor(world.actors.camille);
    await searchResources(camille, recorder(sql, sent), "Consent", { patientId: world.ids.camille, status: ["active"], count: 100 });
    const page = sent.find((s) => s.text.includes("ORDER BY"));
    expect(page, "the search's page statement").toBeDefined();
    const plans = await plansOf(page!);
    expect(plans.generic).toBeGreaterThan(0);
    expect(plans.custom).toBeLessThanOrEqual(5);
  });

  it("still pages past the first page", async () => {
    const camille = await world.repoFor(world.actors.camille);
    for (let i = 0; i < 3; i++) await world.addDocument({ kind: "lab", title: `Bilan ${i}`, date: `2024-0${i + 1}-01T10:00:00Z` });
    const first = await camille.search("DocumentReference", { patientId: world.ids.camille, count: 2 });
    const second = await camille.search("DocumentReference", { patientId: world.ids.camille, count: 2, offset: 2 });
    expect(first.hasMore).toBe(true);
    expect(second.offset).toBe(2);
    const ids = [...first.resources, ...second.resources].map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(3);
  });
});
