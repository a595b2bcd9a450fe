import "@/server/server-only";
import type { SqlDriver } from "../db/sql-driver";
import { eachChain } from "./chain-cursor";
import { checkChain, type ChainHead, type ChainProblem, type ChainRow } from "./check-chain";
import { isUuid } from "../fhir/ids";

/**
 * Recomputes every audit chain (one per patient, plus "-" for rows about no patient) and
 * reports where it was tampered with (see check-chain.ts). The hashes are recomputed by the
 * database's own audit_event_hash() over the stored columns, so the canonical form is the one
 * the trigger used. Everything is read in one REPEATABLE READ snapshot, so rows written while
 * the check runs never look like a truncated tail. Reading needs only SELECT, which the app's
 * role has.
 *
 * The whole trail is read through cursors one chain at a time (chain-cursor.ts). With `onChain`,
 * each chain's report is handed over as soon as it is checked and none is kept, so the memory
 * used is one chain's rows whatever the size of the trail (`npm run audit:verify` on 100,000
 * patients); without it, the reports are returned in `chains`.
 */
export type ChainReport = {
  /** The patient's id, or "-" for rows about no patient. */
  chainKey: string;
  rows: number;
  headPosition: number | undefined;
  problems: ChainProblem[];
};

export type VerifyReport = {
  ok: boolean;
  rows: number;
  /** Chains checked, and how many of them have a problem. */
  chainCount: number;
  brokenChains: number;
  problems: number;
  /** Every chain's report, unless they were handed to `onChain`. */
  chains: ChainReport[];
};

export type VerifyOptions = {
  /** Only these patients' chains (each read apart), instead of the whole trail. */
  patientIds?: string[];
  onChain?: (chain: ChainReport) => void;
  /** Rows fetched from the cursors at a time. */
  batchSize?: number;
};

const PAGE = 5_000;

type RawRow = { seq: string; id: string; chain_seq: string; prev_hash: string; hash: string; recomputed: string };

export async function verifyAuditChain(sql: SqlDriver, options: VerifyOptions = {}): Promise<VerifyReport> {
  return sql.transaction(async (tx) => {
    await tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const report: VerifyReport = { ok: true, rows: 0, chainCount: 0, brokenChains: 0, problems: 0, chains: [] };
    const add = (chain: ChainReport) => {
      report.rows += chain.rows;
      report.chainCount++;
      report.problems += chain.problems.length;
      if (chain.problems.length > 0) report.brokenChains++;
      if (options.onChain) options.onChain(chain);
      else report.chains.push(chain);
    };
    const batch = options.batchSize ?? PAGE;
    if (options.patientIds) {
      for (const key of options.patientIds) add(await verifyOne(tx, key, batch));
    } else {
      await eachChain(tx, batch, (key, rows, head) => add(chainReport(key, rows, head)));
    }
    report.ok = report.problems === 0;
    return report;
  });
}

function chainReport(key: string, rows: ChainRow[], head: ChainHead | undefined): ChainReport {
  return { chainKey: key, rows: rows.length, headPosition: head?.seq, problems: checkChain(rows, head) };
}

async function verifyOne(tx: SqlDriver, key: string, batch: number): Promise<ChainReport> {
  if (key !== "-" && !isUuid(key)) throw new Error(`Not a patient id: ${key}`);
  const rows: ChainRow[] = [];
  const where = key === "-" ? "a.patient_id IS NULL" : "a.patient_id = $2::uuid";
  for (let after = "0"; ; ) {
    const page = await tx.query<RawRow>(
      `SELECT a.seq::text AS seq, a.id::text AS id, a.chain_seq::text AS chain_seq, a.prev_hash, a.hash,
              audit_event_hash(a.prev_hash, a) AS recomputed
       FROM audit_event a WHERE ${where} AND a.seq > $1::bigint ORDER BY a.seq LIMIT ${batch}`,
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
    if (page.length < batch) break;
    after = page.at(-1)!.seq;
  }
  const [headRow] = await tx.query<{ seq: string; hash: string }>(
    "SELECT seq::text AS seq, hash FROM audit_chain_head WHERE chain_key = $1",
    [key],
  );
  const head: ChainHead | undefined = headRow ? { seq: Number(headRow.seq), hash: headRow.hash } : undefined;
  return chainReport(key, rows, head);
}
