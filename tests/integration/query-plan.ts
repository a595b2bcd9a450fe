import type { Database } from "@/server/db/client";

export type PlanNode = {
  "Node Type": string;
  "Index Name"?: string;
  "Index Cond"?: string;
  /** With `analyze`: rows an index or a scan gave that the node's filter then threw away, per loop. */
  "Rows Removed by Filter"?: number;
  /** With `analyze`: the rows the node gave, per loop. */
  "Actual Rows"?: number;
  /** With `analyze`: how many times the node ran. */
  "Actual Loops"?: number;
  Plans?: PlanNode[];
};

const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

/** A parameter written into EXECUTE as PostgreSQL reads it: a number as is, null as NULL, an array as '{…}', the rest quoted. */
function literal(value: unknown): string {
  if (value === null) return "NULL";
  if (typeof value === "number") return String(value);
  return `'${Array.isArray(value) ? `{${value.join(",")}}` : String(value)}'`;
}

/**
 * The plan of a statement as the app's driver runs it (prepared, then executed with `values`),
 * every node of it, under the planner `settings` given (plan_cache_mode, enable_…), which are
 * reset afterwards on the same connection. `analyze`: the statement is run, and each node says
 * what it did (EXPLAIN ANALYZE: its rows, loops, rows removed by its filter).
 */
export async function planOf(db: Database, sql: string, values: unknown[], settings: Record<string, string>, { analyze = false } = {}): Promise<PlanNode[]> {
  const names = Object.keys(settings);
  return db.sql.session(async (connection) => {
    await connection.exec(names.map((name) => `SET ${name} = ${settings[name]}`).join("; "));
    try {
      await connection.exec(`PREPARE plan_of AS ${sql}`);
      const [explained] = await connection.query<{ "QUERY PLAN": string | { Plan: PlanNode }[] }>(
        `EXPLAIN (${analyze ? "ANALYZE, " : ""}FORMAT JSON) EXECUTE plan_of (${values.map(literal).join(", ")})`,
      );
      const raw = explained!["QUERY PLAN"];
      const [plan] = typeof raw === "string" ? (JSON.parse(raw) as { Plan: PlanNode }[]) : raw;
      return nodes(plan!.Plan);
    } finally {
      await connection.exec(["DEALLOCATE plan_of", ...names.map((name) => `RESET ${name}`)].join("; "));
    }
  });
}
