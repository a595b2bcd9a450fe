import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { RowVariant } from "@/server/access/row-filter";

/**
 * rowFilterSql() remembers each set of allowed variants' simplification, keyed by the set
 * (row-filter-sql.ts, variantSet). Two different sets sharing a key would give one of them the
 * other's filter: a search showing rows the actor may not see, or hiding rows they may. Here a
 * set's SQL, asked after other sets filled the memo, is the SQL a freshly loaded module gives it
 * first; and the same set in another order, or with a variant repeated, gives the same SQL.
 */
const ALL: RowVariant[] = (["N", "R", "V"] as const).flatMap((confidentiality) =>
  [false, true].flatMap((minorSecret) =>
    [false, true].flatMap((hidden) =>
      [false, true].flatMap((inLinkPrescription) =>
        [false, true].map((ownConversation) => ({ confidentiality, minorSecret, hidden, inLinkPrescription, ownConversation })),
      ),
    ),
  ),
);
const CONTEXT = {
  hiddenIds: ["d0000000-0000-4000-8000-000000000001"],
  linkPrescriptionId: "p0000000-0000-4000-8000-000000000001",
  participantRef: "Practitioner/c0000000-0000-4000-8000-000000000001",
};
const arbSet = fc.subarray(ALL, { minLength: 1, maxLength: ALL.length - 1 });

/** The set with one variant added or taken away: the sets a key that confused two would most likely mix up. */
function neighbour(set: RowVariant[], variant: RowVariant): RowVariant[] {
  return set.includes(variant) ? set.filter((v) => v !== variant) : [...set, variant];
}

async function freshRowFilterSql() {
  vi.resetModules();
  return (await import("@/server/fhir/row-filter-sql")).rowFilterSql;
}

function sqlOf(rowFilterSql: Awaited<ReturnType<typeof freshRowFilterSql>>, variants: RowVariant[]): string {
  let n = 0;
  return rowFilterSql({ kind: "some", variants }, CONTEXT, () => `$${++n}`);
}

describe("rowFilterSql's memo of simplified filters", () => {
  it("gives every set of variants its own filter, whatever sets were asked before", async () => {
    await fc.assert(
      fc.asyncProperty(arbSet, fc.array(arbSet, { maxLength: 3 }), fc.subarray(ALL, { minLength: 1, maxLength: 6 }), async (set, others, flips) => {
        const cold = sqlOf(await freshRowFilterSql(), set);
        const warm = await freshRowFilterSql();
        for (const other of [...others, ...flips.map((variant) => neighbour(set, variant))]) if (other.length > 0) sqlOf(warm, other);
        expect(sqlOf(warm, set)).toBe(cold);
      }),
      { numRuns: 150 },
    );
  });

  it("gives a set the same filter in any order and with a variant repeated", async () => {
    const rowFilterSql = await freshRowFilterSql();
    await fc.assert(
      fc.property(arbSet, fc.nat(), (set, seed) => {
        const reordered = [...set].sort((a, b) => ((ALL.indexOf(a) * 7919 + seed) % 48) - ((ALL.indexOf(b) * 7919 + seed) % 48));
        const repeated = [...reordered, reordered[seed % reordered.length]!];
        expect(sqlOf(rowFilterSql, repeated)).toBe(sqlOf(rowFilterSql, set));
      }),
    );
  });
});
