import { describe, expect, it } from "vitest";
import { statementsOf, WITHOUT_TRANSACTION } from "@/server/db/migrate";

/**
 * A migration run outside a transaction goes to PostgreSQL one statement at a time (CONCURRENTLY
 * refuses a multi-statement query as much as a transaction block): its text is cut at every ";"
 * that ends a line, comment lines left out.
 */
describe("statementsOf()", () => {
  it.each([
    ["one statement", "DROP INDEX CONCURRENTLY IF EXISTS a;\n", ["DROP INDEX CONCURRENTLY IF EXISTS a"]],
    ["the marker and comments dropped", `${WITHOUT_TRANSACTION}\n-- why\nDROP INDEX a;\n  -- more\nCREATE INDEX b ON t (x);\n`, ["DROP INDEX a", "CREATE INDEX b ON t (x)"]],
    ["a statement over several lines", "CREATE INDEX b\n  ON t (x)\n  INCLUDE (y);\nDROP INDEX a;", ["CREATE INDEX b\n  ON t (x)\n  INCLUDE (y)", "DROP INDEX a"]],
    ["a ';' inside a line is not an end", "SELECT ';' AS s;\n", ["SELECT ';' AS s"]],
    ["trailing spaces after ';'", "DROP INDEX a;   \nDROP INDEX b;\t\n", ["DROP INDEX a", "DROP INDEX b"]],
    ["nothing but comments", `${WITHOUT_TRANSACTION}\n-- nothing\n`, []],
  ])("%s", (_, sql, expected) => {
    expect(statementsOf(sql)).toEqual(expected);
  });

  it("refuses a function body, whose semicolons it could not tell apart", () => {
    expect(() => statementsOf("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n")).toThrow(/\$\$/);
  });
});
