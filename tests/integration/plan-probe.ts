import { database } from "@/server/db/client";
import type { Queryable } from "@/server/db/queryable";
import type { SqlDriver } from "@/server/db/sql-driver";

/**
 * Whether PostgreSQL keeps one plan for a statement the app sends (issue 16). The app prepares
 * each statement once per connection (sql-driver.ts) so that PostgreSQL plans it once; a
 * statement whose generic plan always looks dearer than one made for the values at hand is
 * planned again on every run. Here a statement the app really sent is prepared on one
 * connection and run seven times, as page view after page view would; then PostgreSQL says how
 * it planned them.
 */
export type Sent = { text: string; params: unknown[] };

/** A Queryable that records what it is sent, then sends it. */
export function recorder(sql: SqlDriver, sent: Sent[]): Queryable {
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

/** How PostgreSQL planned `statement` over seven runs on one connection. */
export async function plansOf(statement: Sent): Promise<{ generic: number; custom: number }> {
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

/**
 * The generic plan of `statement` (the one PostgreSQL keeps after five runs when it costs no more
 * than the custom ones), as EXPLAIN ANALYZE prints it: what every page view pays once the plan is kept.
 */
export async function genericPlanOf(statement: Sent): Promise<string> {
  const { sql } = await database();
  return sql.session(async (conn) => {
    await conn.exec("SET plan_cache_mode = force_generic_plan");
    await conn.exec(`PREPARE plan_probe AS ${statement.text}`);
    try {
      const rows = await conn.query<{ "QUERY PLAN": string }>(
        `EXPLAIN (ANALYZE, COSTS OFF) EXECUTE plan_probe${statement.params.length ? `(${statement.params.map(literal).join(", ")})` : ""}`,
      );
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    } finally {
      await conn.exec("DEALLOCATE plan_probe");
      await conn.exec("RESET plan_cache_mode");
    }
  });
}
