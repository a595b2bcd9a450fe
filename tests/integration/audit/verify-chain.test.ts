import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/server/audit/verify-chain";
import { auditRow, insertAuditRows } from "@/server/audit/write-audit";
import { createRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { newId } from "@/lib/fhir/builders/ids";
import { tamper } from "./owner-sql";
import { writeTrail } from "./trail-world";

// SECURITY-CASES 38: the audit chain edited, reordered, truncated or extended by hand; the
// verification says where. Rows are real (written through the Repository); the tampering is
// done as the database owner with the triggers off, as someone holding the server would.
const db = useTestDatabase({ fresh: true });

type Row = { id: string; seq: string; chain_seq: string; hash: string; prev_hash: string };

async function chain(patientId: string): Promise<Row[]> {
  return db().sql.query<Row>(
    `SELECT id::text AS id, seq::text AS seq, chain_seq::text AS chain_seq, hash, prev_hash
     FROM audit_event e WHERE e.patient_id = $1::uuid ORDER BY e.chain_seq`,
    [patientId],
  );
}

async function problemsOf(patientId: string) {
  const report = await verifyAuditChain(db().sql, { patientIds: [patientId] });
  return report.chains[0]!.problems;
}

/** One patient with a trail of its own, and its rows in chain order. */
async function onePatient(): Promise<{ patientId: string; rows: Row[] }> {
  const { patientIds } = await writeTrail(1, `Falsif${newId().slice(0, 6)}`);
  const patientId = patientIds[0]!;
  const rows = await chain(patientId);
  expect(rows.length).toBeGreaterThanOrEqual(6);
  expect(await problemsOf(patientId)).toEqual([]);
  return { patientId, rows };
}

describe("npm run audit:verify on an untouched trail", () => {
  it("finds every chain intact, with every row of each patient checked", async () => {
    const { patientIds } = await writeTrail(3);
    const report = await verifyAuditChain(db().sql);
    expect(report.problems).toBe(0);
    expect(report.ok).toBe(true);
    for (const patientId of patientIds) {
      const rows = await chain(patientId);
      // read ×2, create ×2, search ×2, the system's create of the Patient, and a neighbour's refused read.
      expect(rows.length).toBe(8);
      expect(rows.map((r) => Number(r.chain_seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(report.chains.find((c) => c.chainKey === patientId)).toMatchObject({ rows: 8, headPosition: 8, problems: [] });
    }
    const total = await db().sql.query<{ n: string }>("SELECT count(*)::text AS n FROM audit_event");
    expect(report.rows).toBe(Number(total[0]!.n));
  });

  it("concurrent requests of one patient leave a chain shown in its own order", async () => {
    const { patientIds, actors } = await writeTrail(1, "Concurrence");
    const patientId = patientIds[0]!;
    const repos = await Promise.all(Array.from({ length: 8 }, () => createRepository(actors[0]!)));
    await Promise.all(repos.flatMap((repo) => [repo.read("Patient", patientId), repo.search("Condition", { patientId }), repo.read("Patient", patientId)]));
    const rows = await chain(patientId);
    expect(rows).toHaveLength(7 + 24);
    const bySeq = [...rows].sort((a, b) => Number(a.seq) - Number(b.seq)).map((r) => r.chain_seq);
    expect(bySeq).toEqual(rows.map((r) => r.chain_seq));
    expect(await problemsOf(patientId)).toEqual([]);
  });

  it("the first rows of a new chain, arriving at once from several connections, start it once and in order", async () => {
    // No row yet for this patient: every insert finds no chain head and creates it (the trigger's
    // second path), each from its own connection.
    const patientId = newId();
    const rows = Array.from({ length: 12 }, (_, i) =>
      auditRow({ kind: "practitioner", accountId: "acc", practitionerId: newId() }, {}, { patientId, entity: "Patient", interaction: "read", outcome: i % 3 ? "success" : "denied" }, new Date()),
    );
    await Promise.all(rows.map((row) => insertAuditRows(db().sql, [row])));
    const stored = await chain(patientId);
    expect(stored.map((r) => Number(r.chain_seq))).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect([...stored].sort((a, b) => Number(a.seq) - Number(b.seq)).map((r) => r.chain_seq)).toEqual(stored.map((r) => r.chain_seq));
    expect(await problemsOf(patientId)).toEqual([]);
    const [head] = await db().sql.query<{ seq: string; others: number; refused: number }>(
      `SELECT seq::text AS seq, others_count AS others, refused_count AS refused FROM audit_chain_head WHERE chain_key = $1`,
      [patientId],
    );
    expect({ seq: Number(head?.seq), others: Number(head?.others), refused: Number(head?.refused) }).toEqual({ seq: 12, others: 8, refused: 4 });
  });
});

describe("the whole trail, read one chain at a time (bounded memory)", () => {
  it("finds the same chains whatever the batch size, chains cut across batches read whole", async () => {
    const { patientIds } = await writeTrail(3, "Lots");
    const byBatch = await Promise.all([2, 3, 5_000].map((batchSize) => verifyAuditChain(db().sql, { batchSize })));
    for (const report of byBatch) {
      expect(report.ok).toBe(true);
      expect(report.chains).toEqual(byBatch[2]!.chains);
      for (const patientId of patientIds) expect(report.chains.find((c) => c.chainKey === patientId)).toMatchObject({ rows: 8, headPosition: 8, problems: [] });
    }
  });

  it("hands each chain to onChain as it is checked and keeps none, with every chain and row counted", async () => {
    const { patientIds } = await writeTrail(2, "Flux");
    const seen: { chainKey: string; rows: number }[] = [];
    const report = await verifyAuditChain(db().sql, { batchSize: 4, onChain: ({ chainKey, rows }) => seen.push({ chainKey, rows }) });
    expect(report.chains).toEqual([]);
    expect(report).toMatchObject({ ok: true, problems: 0, brokenChains: 0, chainCount: seen.length });
    expect(new Set(seen.map((c) => c.chainKey)).size).toBe(seen.length);
    for (const patientId of patientIds) expect(seen).toContainEqual({ chainKey: patientId, rows: 8 });
    const [counted] = await db().sql.query<{ rows: string; chains: string }>(
      `SELECT (SELECT count(*) FROM audit_event)::text AS rows,
              (SELECT count(*) FROM (SELECT chain_key FROM audit_chain_head UNION SELECT coalesce(patient_id::text, '-') FROM audit_event) k)::text AS chains`,
    );
    expect(report.rows).toBe(Number(counted!.rows));
    expect(report.chainCount).toBe(Number(counted!.chains));
  });
});

describe("tampering the verification reports, with the row", () => {
  it("a row edited in place", async () => {
    const { patientId, rows } = await onePatient();
    const target = rows[2]!;
    await tamper(db(), [{ sql: "UPDATE audit_event SET outcome = 'denied', reason = 'edited' WHERE id = $1::uuid", params: [target.id] }]);
    expect(await problemsOf(patientId)).toEqual([{ kind: "edited", rowId: target.id, position: 3, how: "content" }]);
  });

  it("a row edited and given a new hash over its new content", async () => {
    const { patientId, rows } = await onePatient();
    const target = rows[3]!;
    await tamper(db(), [
      { sql: "UPDATE audit_event SET agent = 'Patient/someone-else' WHERE id = $1::uuid", params: [target.id] },
      { sql: "UPDATE audit_event a SET hash = audit_event_hash(a.prev_hash, a) WHERE id = $1::uuid", params: [target.id] },
    ]);
    expect(await problemsOf(patientId)).toEqual([{ kind: "edited", rowId: target.id, position: 4, how: "rehashed" }]);
  });

  it("a row deleted from the middle", async () => {
    const { patientId, rows } = await onePatient();
    await tamper(db(), [{ sql: "DELETE FROM audit_event WHERE id = $1::uuid", params: [rows[2]!.id] }]);
    expect(await problemsOf(patientId)).toEqual([{ kind: "missing", from: 3, to: 3, afterRowId: rows[1]!.id, beforeRowId: rows[3]!.id }]);
  });

  it("two rows swapped in the order the trail is shown in", async () => {
    const { patientId, rows } = await onePatient();
    const [a, b] = [rows[1]!, rows[2]!];
    await tamper(db(), [
      { sql: "UPDATE audit_event SET seq = -seq WHERE id = $1::uuid", params: [a.id] },
      { sql: "UPDATE audit_event SET seq = $2::bigint WHERE id = $1::uuid", params: [b.id, a.seq] },
      { sql: "UPDATE audit_event SET seq = $2::bigint WHERE id = $1::uuid", params: [a.id, b.seq] },
    ]);
    expect(await problemsOf(patientId)).toEqual([
      { kind: "reordered", rowId: a.id, position: 2, shownAfterRowId: b.id, shownAfterPosition: 3 },
    ]);
  });

  it("a row inserted by hand around the trigger", async () => {
    const { patientId } = await onePatient();
    const forged = newId();
    await tamper(db(), [
      {
        sql: `INSERT INTO audit_event (id, recorded, agent, actor_kind, patient_id, entity, interaction, outcome)
              VALUES ($1::uuid, now(), $2, 'patient', $3::uuid, $4, 'read', 'success')`,
        params: [forged, `Patient/${patientId}`, patientId, `Patient/${patientId}`],
      },
    ]);
    expect(await problemsOf(patientId)).toEqual([{ kind: "forged", rowId: forged, position: 0, how: "outside-chain" }]);
  });

  it("a forged row given a real position and a hash that chains to the row before it", async () => {
    const { patientId, rows } = await onePatient();
    const forged = newId();
    await tamper(db(), [
      {
        sql: `INSERT INTO audit_event (id, recorded, agent, actor_kind, patient_id, interaction, outcome, chain_seq, prev_hash)
              VALUES ($1::uuid, now(), 'Practitioner/x', 'practitioner', $2::uuid, 'read', 'success', 4, $3)`,
        params: [forged, patientId, rows[2]!.hash],
      },
      { sql: "UPDATE audit_event a SET hash = audit_event_hash(a.prev_hash, a) WHERE id = $1::uuid", params: [forged] },
    ]);
    expect(await problemsOf(patientId)).toEqual([{ kind: "forged", rowId: forged, position: 4, how: "duplicate-position" }]);
  });

  it("a forged row appended after the last one without moving the chain head", async () => {
    const { patientId, rows } = await onePatient();
    const last = rows.at(-1)!;
    const forged = newId();
    await tamper(db(), [
      {
        sql: `INSERT INTO audit_event (id, recorded, agent, actor_kind, patient_id, interaction, outcome, chain_seq, prev_hash)
              VALUES ($1::uuid, now(), 'Practitioner/x', 'practitioner', $2::uuid, 'read', 'success', $3::bigint, $4)`,
        params: [forged, patientId, Number(last.chain_seq) + 1, last.hash],
      },
      { sql: "UPDATE audit_event a SET hash = audit_event_hash(a.prev_hash, a) WHERE id = $1::uuid", params: [forged] },
    ]);
    expect(await problemsOf(patientId)).toEqual([{ kind: "forged", rowId: forged, position: rows.length + 1, how: "beyond-head" }]);
  });

  it("the last rows deleted", async () => {
    const { patientId, rows } = await onePatient();
    const kept = rows.at(-3)!;
    await tamper(db(), [{ sql: "DELETE FROM audit_event WHERE patient_id = $1::uuid AND chain_seq > $2::bigint", params: [patientId, kept.chain_seq] }]);
    expect(await problemsOf(patientId)).toEqual([
      { kind: "truncated", lastRowId: kept.id, lastPosition: rows.length - 2, headPosition: rows.length },
    ]);
  });

  it("every row of a patient deleted (the head remembers them)", async () => {
    const { patientId, rows } = await onePatient();
    await tamper(db(), [{ sql: "DELETE FROM audit_event WHERE patient_id = $1::uuid", params: [patientId] }]);
    const report = await verifyAuditChain(db().sql);
    expect(report.ok).toBe(false);
    expect(report.chains.find((c) => c.chainKey === patientId)?.problems).toEqual([
      { kind: "truncated", lastRowId: undefined, lastPosition: 0, headPosition: rows.length },
    ]);
  });

  it("a chain head deleted, and a head written by hand for no patient (out of the keys' usual shape)", async () => {
    const { patientId, rows } = await onePatient();
    await tamper(db(), [
      { sql: "DELETE FROM audit_chain_head WHERE chain_key = $1", params: [patientId] },
      { sql: "INSERT INTO audit_chain_head (chain_key, seq, hash) VALUES ('zz-é', 3, '')" },
    ]);
    const report = await verifyAuditChain(db().sql, { batchSize: 3 });
    expect(report.chains.find((c) => c.chainKey === patientId)?.problems).toEqual([{ kind: "head-missing", lastRowId: rows.at(-1)!.id, lastPosition: rows.length }]);
    expect(report.chains.find((c) => c.chainKey === "zz-é")?.problems).toEqual([{ kind: "truncated", lastRowId: undefined, lastPosition: 0, headPosition: 3 }]);
  });

  it("leaves other patients' chains intact, and the whole report names only the tampered chains", async () => {
    const { patientIds } = await writeTrail(2, "Témoin");
    const report = await verifyAuditChain(db().sql);
    expect(report.ok).toBe(false);
    for (const patientId of patientIds) expect(report.chains.find((c) => c.chainKey === patientId)?.problems).toEqual([]);
    // Nine cases above each broke exactly one chain, and the last one two (a head gone, a head
    // made up); the rows about no patient are untouched.
    expect(report.chains.filter((c) => c.problems.length > 0)).toHaveLength(11);
    expect(report.brokenChains).toBe(11);
  });
});
