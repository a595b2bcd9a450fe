import "@/server/server-only";
import type { SqlDriver } from "../db/sql-driver";
import type { ChainHead, ChainRow } from "./check-chain";

/**
 * Reads the whole audit trail one patient chain at a time, in bounded memory: two server-side
 * cursors (the rows, the chain heads), both in the same chain-key order, fetched by batches and
 * merged, so only one chain's rows are held at once however long the trail is. Must run inside
 * the caller's transaction (cursors live until its end), which gives one snapshot.
 *
 * Order: the rows about no patient ("-") first, then patient ids descending. The rows come from
 * a backward scan of audit_patient_seq_idx (patient_id, seq DESC): no sort of the trail. The
 * heads are sorted on their key's bytes, which for a uuid's text is the uuid's own order, and
 * compared here on the same bytes, so a head whose key is not a patient id (written by hand)
 * cannot throw the merge out of step.
 */
export type ChainVisit = (key: string, rows: ChainRow[], head: ChainHead | undefined) => void;

type RawRow = { key: string; seq: string; id: string; chain_seq: string; prev_hash: string; hash: string; recomputed: string };
type RawHead = { key: string; seq: string; hash: string };

// patient_id DESC NULLS FIRST, seq ASC is audit_patient_seq_idx (patient_id, seq DESC) read backward.
const ROWS_SQL = `DECLARE audit_verify_rows NO SCROLL CURSOR FOR
  SELECT coalesce(a.patient_id::text, '-') AS key, a.seq::text AS seq, a.id::text AS id, a.chain_seq::text AS chain_seq,
         a.prev_hash, a.hash, audit_event_hash(a.prev_hash, a) AS recomputed
    FROM audit_event a ORDER BY a.patient_id DESC NULLS FIRST, a.seq ASC`;

const HEADS_SQL = `DECLARE audit_verify_heads NO SCROLL CURSOR FOR
  SELECT chain_key AS key, seq::text AS seq, hash FROM audit_chain_head
   ORDER BY chain_key <> '-', convert_to(chain_key, 'UTF8') DESC`;

/** Negative when the chain `a` comes before `b` in the cursors' order. */
export function chainKeyOrder(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "-") return -1;
  if (b === "-") return 1;
  return Buffer.compare(Buffer.from(b, "utf8"), Buffer.from(a, "utf8"));
}

/** A cursor read `batch` rows at a time, one row looked at before it is taken. */
function reader<T extends Record<string, unknown>>(tx: SqlDriver, cursor: string, batch: number) {
  let buffered: T[] = [];
  let at = 0;
  let ended = false;
  return {
    async peek(): Promise<T | undefined> {
      if (at >= buffered.length && !ended) {
        buffered = await tx.query<T>(`FETCH ${batch} FROM ${cursor}`);
        at = 0;
        ended = buffered.length < batch;
      }
      return buffered[at];
    },
    take() {
      at++;
    },
  };
}

export async function eachChain(tx: SqlDriver, batch: number, visit: ChainVisit): Promise<void> {
  await tx.exec(ROWS_SQL);
  await tx.exec(HEADS_SQL);
  const rows = reader<RawRow>(tx, "audit_verify_rows", batch);
  const heads = reader<RawHead>(tx, "audit_verify_heads", batch);
  for (;;) {
    const nextRow = await rows.peek();
    const nextHead = await heads.peek();
    if (!nextRow && !nextHead) break;
    const key = !nextHead || (nextRow && chainKeyOrder(nextRow.key, nextHead.key) <= 0) ? nextRow!.key : nextHead.key;
    const chain: ChainRow[] = [];
    for (let row = await rows.peek(); row && row.key === key; row = await rows.peek()) {
      chain.push({ seq: Number(row.seq), id: row.id, chainSeq: Number(row.chain_seq), prevHash: row.prev_hash, hash: row.hash, recomputed: row.recomputed });
      rows.take();
    }
    let head: ChainHead | undefined;
    const headRow = await heads.peek();
    if (headRow && headRow.key === key) {
      head = { seq: Number(headRow.seq), hash: headRow.hash };
      heads.take();
    }
    visit(key, chain, head);
  }
  await tx.exec("CLOSE audit_verify_rows; CLOSE audit_verify_heads");
}
