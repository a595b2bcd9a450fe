import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPlainRead } from "@/server/db/plain-read";

describe("which statements are plain reads, pipelined beside other requests' reads", () => {
  const cases: [string, string, boolean][] = [
    ["a select", "SELECT id, content FROM fhir_resource WHERE id = $1::uuid", true],
    ["a select after a new line and spaces", "\n   select 1", true],
    ["a WITH that only selects", "WITH links AS MATERIALIZED (SELECT * FROM share_link) SELECT * FROM links", true],
    ["a column named like a write (last_updated, deleted)", "SELECT last_updated FROM fhir_resource WHERE NOT deleted ORDER BY last_updated", true],
    ["a union of selects in parentheses", "(SELECT id FROM audit_event WHERE a) UNION ALL (SELECT id FROM audit_event WHERE b) ORDER BY id", true],
    ["OFFSET is not SET", "SELECT id FROM fhir_resource LIMIT $1 OFFSET $2", true],
    ["an insert", "INSERT INTO audit_event (id) VALUES ($1)", false],
    ["an update", "UPDATE email_outbox o SET sent = now()", false],
    ["a delete", "DELETE FROM session WHERE id = $1", false],
    ["a WITH that inserts", "WITH gone AS (DELETE FROM session RETURNING id) SELECT count(*) FROM gone", false],
    ["a WITH that updates, in lower case", "with t as (update x set a = 1 returning a) select * from t", false],
    ["a row lock", "SELECT id FROM session WHERE id = $1 FOR UPDATE", false],
    ["a weaker row lock", "SELECT id FROM session WHERE id = $1 FOR NO KEY UPDATE", false],
    ["a shared row lock", "SELECT id FROM session WHERE id = $1 FOR KEY SHARE", false],
    ["an advisory lock, which lives on its connection", "SELECT pg_try_advisory_lock($1)", false],
    ["a session setting", "SELECT set_config('app.x', $1, false)", false],
    ["a sequence", "SELECT nextval('audit_seq')", false],
    ["SET", "SET statement_timeout = 0", false],
    ["BEGIN", "BEGIN", false],
    ["LISTEN", "LISTEN mail", false],
    ["a notification", "SELECT pg_notify('mail', $1)", false],
    ["ending another connection", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity", false],
  ];
  it.each(cases)("%s", (_, text, plain) => {
    expect(isPlainRead(text)).toBe(plain);
  });

  it("answers the same when asked again (the answers are kept per text)", () => {
    for (const [, text, plain] of cases) expect([isPlainRead(text), isPlainRead(text)]).toEqual([plain, plain]);
  });

  it("never takes a statement that starts as a write or a command for a read, whatever follows", () => {
    const command = fc.constantFrom("INSERT", "UPDATE", "DELETE", "MERGE", "COPY", "BEGIN", "COMMIT", "SET", "LOCK", "VACUUM", "CREATE", "ALTER", "DROP", "TRUNCATE", "CALL", "DO");
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }).map((s) => s.replace(/\S/g, " ")), command, fc.string(), (space, word, rest) => {
        expect(isPlainRead(`${space}${word} ${rest}`)).toBe(false);
      }),
    );
  });

  it("never takes a statement that names a write anywhere for a plain read", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom("INSERT", "UPDATE", "DELETE", "MERGE", "FOR UPDATE", "FOR SHARE"), fc.string(), (before, write, after) => {
        expect(isPlainRead(`SELECT ${before} ${write} ${after}`)).toBe(false);
      }),
    );
  });
});
