import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkChain, type ChainHead, type ChainRow } from "@/server/audit/check-chain";
import { describeChainReport } from "@/server/audit/describe-chain-report";

// The analysis behind `npm run audit:verify`, on hand-built chains: several kinds of tampering in
// one chain are each reported once, at the right row. (The integration tests tamper with real rows.)
const sha = (text: string) => createHash("sha256").update(text).digest("hex");

/** A well-formed chain of n rows; `content` stands for the canonical form of each row. */
function aChain(n: number): { rows: ChainRow[]; head: ChainHead } {
  const rows: ChainRow[] = [];
  let prev = "";
  for (let i = 1; i <= n; i++) {
    const hash = sha(`${prev}row-${i}`);
    rows.push({ seq: i * 10, id: `r${i}`, chainSeq: i, prevHash: prev, hash, recomputed: hash });
    prev = hash;
  }
  return { rows, head: { seq: n, hash: prev } };
}

describe("checkChain", () => {
  it("finds nothing wrong in an intact chain, nor in an empty one without a head", () => {
    const { rows, head } = aChain(12);
    expect(checkChain(rows, head)).toEqual([]);
    expect(checkChain([], undefined)).toEqual([]);
  });

  it("reports an edit, a gap and a swap in the same chain, each once", () => {
    const { rows, head } = aChain(10);
    rows[1] = { ...rows[1]!, recomputed: sha("tampered") };
    rows.splice(4, 1); // position 5 removed
    const [a, b] = [rows[6]!, rows[7]!]; // positions 8 and 9
    rows[6] = { ...b, seq: a.seq };
    rows[7] = { ...a, seq: b.seq };
    expect(checkChain(rows, head)).toEqual([
      { kind: "edited", rowId: "r2", position: 2, how: "content" },
      { kind: "missing", from: 5, to: 5, afterRowId: "r4", beforeRowId: "r6" },
      { kind: "reordered", rowId: "r8", position: 8, shownAfterRowId: "r9", shownAfterPosition: 9 },
    ]);
  });

  it("reports a re-hashed last row through the head, and rows past the head as forged", () => {
    const { rows, head } = aChain(4);
    const rehashed = sha("other content");
    rows[3] = { ...rows[3]!, hash: rehashed, recomputed: rehashed };
    expect(checkChain(rows, head)).toEqual([{ kind: "edited", rowId: "r4", position: 4, how: "rehashed" }]);

    const extended = aChain(5);
    expect(checkChain(extended.rows, { ...aChain(4).head })).toEqual([{ kind: "forged", rowId: "r5", position: 5, how: "beyond-head" }]);
  });

  it("reports a chain whose head is gone, and a head whose rows are all gone", () => {
    const { rows, head } = aChain(3);
    expect(checkChain(rows, undefined)).toEqual([{ kind: "head-missing", lastRowId: "r3", lastPosition: 3 }]);
    expect(checkChain([], head)).toEqual([{ kind: "truncated", lastRowId: undefined, lastPosition: 0, headPosition: 3 }]);
  });
});

describe("the French summary", () => {
  it("gives the rows checked per chain and each problem with its row", () => {
    const { rows, head } = aChain(3);
    const lines = describeChainReport(
      {
        ok: false,
        rows: 5,
        chainCount: 2,
        brokenChains: 1,
        problems: 1,
        chains: [
          { chainKey: "-", rows: 2, headPosition: 2, problems: [] },
          { chainKey: "0c6b2f9e-5d1a-4c51-9a51-3f1f1d2b7a10", rows: 3, headPosition: 3, problems: checkChain(rows.slice(0, 2), head) },
        ],
      },
      "PGlite (.data/pglite)",
    );
    expect(lines).toEqual([
      "Vérification de la chaîne d'audit : PGlite (.data/pglite)",
      "  Lignes sans patient : 2 lignes vérifiées, intacte.",
      "  Patient 0c6b2f9e-5d1a-4c51-9a51-3f1f1d2b7a10 : 3 lignes vérifiées, 1 problème :",
      "    - fin de chaîne tronquée : la tête de chaîne compte 3 lignes, la dernière présente est la ligne 2 (id r2).",
      "Résultat : 1 problème détecté dans 1 chaîne sur 2 (5 lignes vérifiées).",
    ]);
  });
});
