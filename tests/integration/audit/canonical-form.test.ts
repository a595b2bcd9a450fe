import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { insertAuditRows } from "@/server/audit/write-audit";
import { useTestDatabase } from "../../setup/test-database";

const db = useTestDatabase();

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * Every stored hash chains over audit_event_canonical(row): changing that text by one byte would
 * break every chain written before the change, and `npm run audit:verify` would then report the
 * whole trail as tampered with. The canonical text is spelled out here, independently of the
 * database's functions (20261209010000_audit_hash_plpgsql rewrote them for speed), with a row
 * using every column, non-ASCII text, quotes, a backslash and a nested JSON detail (whose keys
 * jsonb orders), and a row of NULLs.
 */
describe("the audit row's canonical form, which every chain's hashes are computed over", () => {
  const cases = [
    {
      prev: "",
      row: `ROW(1, 'a0000001-0000-4000-8000-000000000001', '2026-03-02 09:15:07.123+01', 'Practitioner/b0000000-0000-4000-8000-000000000002', 'Dr Zoé Brûlé « test »', 'Patient/c0000000-0000-4000-8000-000000000003', 'practitioner', 'd0000000-0000-4000-8000-000000000004', 'DocumentReference/e0000000-0000-4000-8000-000000000005', 'read', 'success', 'break-glass', '2001:db8::1', 'Mozilla/5.0 "quoted" \\ back', '{"count": 20, "b": [1, 2.50, null, "é"], "a": {"z": true}}', 42, 'x', 'y')::audit_event`,
      canonical:
        '["a0000001-0000-4000-8000-000000000001", "2026-03-02T08:15:07.123Z", "Practitioner/b0000000-0000-4000-8000-000000000002", "Dr Zoé Brûlé « test »", "Patient/c0000000-0000-4000-8000-000000000003", "practitioner", "d0000000-0000-4000-8000-000000000004", "DocumentReference/e0000000-0000-4000-8000-000000000005", "read", "success", "break-glass", "2001:db8::1", "Mozilla/5.0 \\"quoted\\" \\\\ back", {"a": {"z": true}, "b": [1, 2.50, null, "é"], "count": 20}, "42"]',
    },
    {
      prev: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      row: `ROW(2, 'a0000001-0000-4000-8000-000000000002', '2026-12-31 23:59:59.999+00', 'System/purge', NULL, NULL, 'system', NULL, NULL, 'delete', 'denied', NULL, NULL, NULL, NULL, 1, '', '')::audit_event`,
      canonical: '["a0000001-0000-4000-8000-000000000002", "2026-12-31T23:59:59.999Z", "System/purge", null, null, "system", null, null, "delete", "denied", null, null, null, null, "1"]',
    },
  ];

  it("is the JSON array of the row's columns, and the hash the SHA-256 of the previous hash and that text", async () => {
    for (const { prev, row, canonical } of cases) {
      const [found] = await db().sql.query<{ canonical: string; hash: string }>(`SELECT audit_event_canonical(${row}) AS canonical, audit_event_hash($1, ${row}) AS hash`, [prev]);
      expect(found).toEqual({ canonical, hash: sha256(prev + canonical) });
    }
    // The hashes the functions gave before their rewrite in PL/pgSQL, for these two rows.
    expect(sha256(cases[0]!.prev + cases[0]!.canonical)).toBe("aab99a4724cf4435f7e9326c7eeca6bcacbaa235368df81a0661d7236764f9a3");
    expect(sha256(cases[1]!.prev + cases[1]!.canonical)).toBe("4ab733f9e8640da52f6cbbf66bddc2b63e2d9f80266704b341ba0869cdb21912");
  });

  it("is what the chain trigger hashes as it writes a row at its place in the patient's chain", async () => {
    // A new patient's chain, two rows in one INSERT as a page writes them: the first at place 1
    // after "", the second at place 2 after the first. Expected hashes from the text spelled out here.
    const patientId = randomUUID();
    const ids = [randomUUID(), randomUUID()];
    const row = (id: string, recorded: string, interaction: string) =>
      [id, recorded, `Patient/${patientId}`, null, null, "patient", patientId, "DocumentReference", interaction, "success", null, "127.0.0.1", "Mozilla/5.0", null] as const;
    await insertAuditRows(db().sql, [row(ids[0]!, "2026-12-06T05:00:00.000Z", "search"), row(ids[1]!, "2026-12-06T05:00:00.001Z", "read")]);
    const canonical = (id: string, recorded: string, interaction: string, place: number) =>
      `["${id}", "${recorded}", "Patient/${patientId}", null, null, "patient", "${patientId}", "DocumentReference", "${interaction}", "success", null, "127.0.0.1", "Mozilla/5.0", null, "${place}"]`;
    const first = sha256(canonical(ids[0]!, "2026-12-06T05:00:00.000Z", "search", 1));
    const second = sha256(first + canonical(ids[1]!, "2026-12-06T05:00:00.001Z", "read", 2));
    const written = await db().sql.query<{ chain_seq: string; prev_hash: string; hash: string }>(
      "SELECT chain_seq::text, prev_hash, hash FROM audit_event WHERE patient_id = $1::uuid ORDER BY seq",
      [patientId],
    );
    expect(written).toEqual([
      { chain_seq: "1", prev_hash: "", hash: first },
      { chain_seq: "2", prev_hash: first, hash: second },
    ]);
    // The head is the second row's place and hash, which the next row will chain to.
    const [head] = await db().sql.query<{ seq: string; hash: string }>("SELECT seq::text, hash FROM audit_chain_head WHERE chain_key = $1", [patientId]);
    expect(head).toEqual({ seq: "2", hash: second });
  });
});
