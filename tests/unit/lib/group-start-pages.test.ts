import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupStartPages } from "@/lib/history/group-start-pages";

describe("the page where each group of the access history begins", () => {
  it.each([
    { counts: { others: 0, refused: 0, own: 0 }, size: 20, starts: { others: 1, refused: 1, own: 1 } },
    { counts: { others: 5, refused: 3, own: 100 }, size: 20, starts: { others: 1, refused: 1, own: 1 } },
    { counts: { others: 20, refused: 3, own: 100 }, size: 20, starts: { others: 1, refused: 2, own: 2 } },
    { counts: { others: 19, refused: 1, own: 1 }, size: 20, starts: { others: 1, refused: 1, own: 2 } },
    { counts: { others: 45, refused: 0, own: 10 }, size: 20, starts: { others: 1, refused: 3, own: 3 } },
    // Nothing after the others: the empty groups point at the last page, not past it.
    { counts: { others: 40, refused: 0, own: 0 }, size: 20, starts: { others: 1, refused: 2, own: 2 } },
  ])("$counts by $size a page", ({ counts, size, starts }) => {
    expect(groupStartPages(counts, size)).toEqual(starts);
  });

  it("points at the page that shows the group's first entry, within the pages there are (property)", () => {
    const count = fc.nat({ max: 5_000 });
    fc.assert(
      fc.property(fc.record({ others: count, refused: count, own: count }), fc.integer({ min: 1, max: 100 }), (counts, size) => {
        const starts = groupStartPages(counts, size);
        const pages = Math.max(1, Math.ceil((counts.others + counts.refused + counts.own) / size));
        for (const [group, before] of [["refused", counts.others], ["own", counts.others + counts.refused]] as const) {
          const page = starts[group];
          expect(page).toBeGreaterThanOrEqual(1);
          expect(page).toBeLessThanOrEqual(pages);
          const nonEmpty = group === "refused" ? counts.refused > 0 : counts.own > 0;
          // The group's first entry (index `before`) is on that page.
          if (nonEmpty) expect(before >= (page - 1) * size && before < page * size).toBe(true);
        }
        expect(starts.refused).toBeLessThanOrEqual(starts.own);
      }),
    );
  });
});
