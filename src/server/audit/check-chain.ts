/**
 * The pure part of `npm run audit:verify`: given one patient's audit rows (in `seq` order, the
 * order the trail is shown in), each with the hash the database recomputes from its stored
 * columns, and the patient's chain head, says what was tampered with and where.
 *
 * What each kind of tampering leaves behind:
 * - a row edited in place keeps its old hash, which no longer matches its content ("edited");
 *   edited and re-hashed, its successor (or the head) no longer chains to it ("edited", rehashed);
 * - a row deleted from the middle leaves a gap in the positions ("missing");
 * - rows swapped (their seq exchanged) show out of their chain order ("reordered");
 * - a row inserted by hand has no position or hash (the chain trigger did not run), or takes a
 *   position that another row holds, or lies beyond the chain head ("forged");
 * - rows deleted from the end leave the head ahead of the last row ("truncated").
 * What no check inside the database can see: an owner who rewrites the tail of a chain and its
 * head together. Publishing the heads elsewhere (a log, a signed export) would close that.
 */
export type ChainRow = {
  seq: number;
  id: string;
  /** Position in the patient's chain (1, 2, …), set by the trigger. */
  chainSeq: number;
  prevHash: string;
  hash: string;
  /** audit_event_hash(prev_hash, row) computed now from the stored columns. */
  recomputed: string;
};

export type ChainHead = { seq: number; hash: string };

export type ChainProblem =
  | { kind: "edited"; rowId: string; position: number; how: "content" | "rehashed" }
  | { kind: "missing"; from: number; to: number; afterRowId?: string; beforeRowId: string }
  | { kind: "reordered"; rowId: string; position: number; shownAfterRowId: string; shownAfterPosition: number }
  | { kind: "forged"; rowId: string; position: number; how: "outside-chain" | "duplicate-position" | "beyond-head" }
  | { kind: "truncated"; lastRowId?: string; lastPosition: number; headPosition: number }
  | { kind: "head-missing"; lastRowId: string; lastPosition: number };

const HASH = /^[0-9a-f]{64}$/;

export function checkChain(rowsInSeqOrder: ChainRow[], head: ChainHead | undefined): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const chained: ChainRow[] = [];
  for (const row of rowsInSeqOrder) {
    // The trigger gives every row a position and a hash; a row without them was inserted around it.
    if (row.chainSeq < 1 || !HASH.test(row.hash)) problems.push({ kind: "forged", rowId: row.id, position: row.chainSeq, how: "outside-chain" });
    else chained.push(row);
  }
  const editedContent = new Set<string>();
  for (const row of chained) {
    if (row.recomputed !== row.hash) {
      editedContent.add(row.id);
      problems.push({ kind: "edited", rowId: row.id, position: row.chainSeq, how: "content" });
    }
  }

  const linear = onePerPosition(chained, head, problems);
  const inChain = head ? linear.filter((row) => row.chainSeq <= head.seq) : linear;
  for (const row of linear) {
    if (head && row.chainSeq > head.seq) problems.push({ kind: "forged", rowId: row.id, position: row.chainSeq, how: "beyond-head" });
  }

  walkChain(inChain, editedContent, problems);
  checkOrder(rowsInSeqOrder, new Set(inChain.map((row) => row.id)), problems);

  const last = inChain.at(-1);
  if (!head) {
    if (last) problems.push({ kind: "head-missing", lastRowId: last.id, lastPosition: last.chainSeq });
  } else if (head.seq > (last?.chainSeq ?? 0)) {
    problems.push({ kind: "truncated", lastRowId: last?.id, lastPosition: last?.chainSeq ?? 0, headPosition: head.seq });
  } else if (last && head.hash !== last.hash && !editedContent.has(last.id)) {
    // The head remembers the hash the last row had when it was written.
    problems.push({ kind: "edited", rowId: last.id, position: last.chainSeq, how: "rehashed" });
  }
  return problems;
}

/**
 * Keeps one row per position, in chain order. Of two rows claiming a position, the genuine one
 * is the one the next row (or the head) chains to; failing that, the one written first.
 */
function onePerPosition(chained: ChainRow[], head: ChainHead | undefined, problems: ChainProblem[]): ChainRow[] {
  const byPosition = new Map<number, ChainRow[]>();
  for (const row of chained) byPosition.set(row.chainSeq, [...(byPosition.get(row.chainSeq) ?? []), row]);
  const linear: ChainRow[] = [];
  for (const [position, rows] of [...byPosition.entries()].sort(([a], [b]) => a - b)) {
    if (rows.length === 1) {
      linear.push(rows[0]!);
      continue;
    }
    const chainedTo = new Set((byPosition.get(position + 1) ?? []).map((next) => next.prevHash));
    if (head && head.seq === position) chainedTo.add(head.hash);
    const genuine = rows.find((row) => chainedTo.has(row.hash)) ?? rows[0]!;
    linear.push(genuine);
    for (const row of rows) {
      if (row !== genuine) problems.push({ kind: "forged", rowId: row.id, position, how: "duplicate-position" });
    }
  }
  return linear;
}

function walkChain(inChain: ChainRow[], editedContent: Set<string>, problems: ChainProblem[]) {
  let previous: ChainRow | undefined;
  let expected = 1;
  for (const row of inChain) {
    if (row.chainSeq > expected) {
      problems.push({ kind: "missing", from: expected, to: row.chainSeq - 1, afterRowId: previous?.id, beforeRowId: row.id });
    } else if (row.recomputed === row.hash && row.prevHash !== (previous?.hash ?? "")) {
      // This row is intact but was chained to another version of the previous one: the previous
      // row was rewritten and given a new hash (or, at the start, this row was).
      const rewritten = previous ?? row;
      if (!editedContent.has(rewritten.id)) problems.push({ kind: "edited", rowId: rewritten.id, position: rewritten.chainSeq, how: "rehashed" });
    }
    previous = row;
    expected = row.chainSeq + 1;
  }
}

/** The trail is shown in seq order, which the chain trigger makes agree with chain order. */
function checkOrder(rowsInSeqOrder: ChainRow[], inChain: Set<string>, problems: ChainProblem[]) {
  let furthest: ChainRow | undefined;
  for (const row of rowsInSeqOrder) {
    if (!inChain.has(row.id)) continue;
    if (furthest && row.chainSeq < furthest.chainSeq) {
      problems.push({ kind: "reordered", rowId: row.id, position: row.chainSeq, shownAfterRowId: furthest.id, shownAfterPosition: furthest.chainSeq });
    } else {
      furthest = row;
    }
  }
}
