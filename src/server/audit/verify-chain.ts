import "server-only";
import type { SqlDriver } from "../db/sql-driver";
import { checkChain, type ChainHead, type ChainProblem, type ChainRow } from "./check-chain";
import { isUuid } from "../fhir/ids";

/**
 * Recomputes every audit chain (one per patient, plus "-" for rows about no patient) and
 * reports where it was tampered with (see check-chain.ts). The hashes are recomputed by the
 * database's own audit_event_hash() over the stored columns, so the canonical form is the one
 * the trigger used. Everything is read in one REPEATABLE READ snapshot, so rows written while
 * the check runs never look like a truncated tail. Reading needs only SELECT, which the app's
 * role has.
 */
export type ChainReport = {
  /** The patient's id, or "-" for rows about no patient. */
  chainKey: string;
  rows: number;
  headPosition: number | undefined;
  problems: ChainProblem[];
};

export type VerifyReport = { ok: boolean; rows: number; chains: ChainReport[]; problems: number };

const PAGE = 5_000;

type RawRow = { seq: string; id: string; chain_seq: string; prev_hash: string; hash: string; recomputed: string };

export async function verifyAuditChain(sql: SqlDriver, options: { patientIds?: string[] } = {}): Promise<VerifyReport> {
  return sql.transaction(async (tx) => {
    await tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const keys = options.patientIds ?? (await chainKeys(tx));
    const chains: ChainReport[] = [];
    for (const key of keys) chains.push(await verifyOne(tx, key));
    const problems = chains.reduce((n, chain) => n + chain.problems.length, 0);
    return { ok: problems === 0, rows: chains.reduce((n, chain) => n + chain.rows, 0), chains, problems };
  });
}

async function chainKeys(tx: SqlDriver): Promise<string[]> {
  // Keys from both sides: a head whose rows are all gone, and rows whose head is gone.
  const rows = await tx.query<{ key: string }>(
    `SELECT chain_key AS key FROM audit_chain_head
     UNION SELECT DISTINCT coalesce(patient_id::text, '-') FROM audit_event
     ORDER BY 1`,
  );
  return rows.map((row) => row.key);
}

async function verifyOne(tx: SqlDriver, key: string): Promise<ChainReport> {
  if (key !== "-" && !isUuid(key)) throw new Error(`Not a patient id: ${key}`);
  const rows: ChainRow[] = [];
  const where = key === "-" ? "a.patient_id IS NULL" : "a.patient_id = $2::uuid";
  for (let after = "0"; ; ) {
    const page = await tx.query<RawRow>(
      `SELECT a.seq::text AS seq, a.id::text AS id, a.chain_seq::text AS chain_seq, a.prev_hash, a.hash,
              audit_event_hash(a.prev_hash, a) AS recomputed
       FROM audit_event a WHERE ${where} AND a.seq > $1::bigint ORDER BY a.seq LIMIT ${PAGE}`,
      key === "-" ? [after] : [after, key],
    );
    for (const row of page) {
      rows.push({
        seq: Number(row.seq),
        id: row.id,
        chainSeq: Number(row.chain_seq),
        prevHash: row.prev_hash,
        hash: row.hash,
        recomputed: row.recomputed,
      });
    }
    if (page.length < PAGE) break;
    after = page.at(-1)!.seq;
  }
  const [headRow] = await tx.query<{ seq: string; hash: string }>(
    "SELECT seq::text AS seq, hash FROM audit_chain_head WHERE chain_key = $1",
    [key],
  );
  const head: ChainHead | undefined = headRow ? { seq: Number(headRow.seq), hash: headRow.hash } : undefined;
  return { chainKey: key, rows: rows.length, headPosition: head?.seq, problems: checkChain(rows, head) };
}
