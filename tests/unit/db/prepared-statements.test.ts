import { describe, expect, it } from "vitest";
import { statement } from "@/server/db/sql-driver";

/** Which statements the server driver prepares (sql-driver.ts): those with parameters, one name per text. */
describe("statement()", () => {
  it("prepares a statement with parameters under a name that depends on its text only", () => {
    const a = statement("SELECT $1::int AS n", [1]);
    expect(a.name).toMatch(/^es_[0-9a-f]{32}$/);
    expect(statement("SELECT $1::int AS n", [2]).name).toBe(a.name);
    expect(statement("SELECT $1::int AS m", [1]).name).not.toBe(a.name);
    expect(a.values).toEqual([1]);
  });

  it("leaves a statement without parameters unnamed", () => {
    expect(statement("SELECT 1", [])).toEqual({ text: "SELECT 1" });
  });

  it("stops naming new texts past its bound, and keeps the names it gave", () => {
    const first = statement("SELECT $1::text AS kept", ["x"]).name;
    for (let i = 0; i < 1200; i++) statement(`SELECT $1::int + ${i}`, [i]);
    expect(statement("SELECT $1::int + 1199", [0]).name).toBeUndefined();
    expect(statement("SELECT $1::text AS kept", ["y"]).name).toBe(first);
  });
});
