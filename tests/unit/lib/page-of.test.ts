import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { sharingSearchSchema } from "@/lib/sharing/sharing-search";
import { SHARING_PAGE_SIZE } from "@/components/sharing/list-page";
import { pageOf } from "@/lib/page-of";

const ids = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("a list shown a page at a time (sharing page, past prescriptions)", () => {
  it.each([
    // count, requested page, shown page, page count, first, last
    [0, 1, 1, 1, undefined, undefined],
    [1, 1, 1, 1, 0, 0],
    [20, 1, 1, 1, 0, 19],
    [21, 2, 2, 2, 20, 20],
    [200, 1, 1, 10, 0, 19],
    [200, 10, 10, 10, 180, 199],
    [200, 11, 10, 10, 180, 199], // past the end: the last page, not an empty one
    [200, 0, 1, 10, 0, 19],
    [200, -3, 1, 10, 0, 19],
    [200, Number.NaN, 1, 10, 0, 19], // "?passees=abc"
  ])("%i professionals, page %i asked → page %i of %i", (count, requested, page, pageCount, first, last) => {
    const shown = pageOf(ids(count), requested, SHARING_PAGE_SIZE);
    expect({ page: shown.page, pageCount: shown.pageCount, first: shown.items[0], last: shown.items.at(-1) }).toEqual({ page, pageCount, first, last });
  });

  it("every professional is on exactly one page", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), (count) => {
        const { pageCount } = pageOf(ids(count), 1, SHARING_PAGE_SIZE);
        const seen = Array.from({ length: pageCount }, (_, i) => pageOf(ids(count), i + 1, SHARING_PAGE_SIZE).items).flat();
        expect(seen).toEqual(ids(count));
        expect(pageOf(ids(count), 1, SHARING_PAGE_SIZE).items.length).toBeLessThanOrEqual(SHARING_PAGE_SIZE);
      }),
    );
  });

  it.each([
    [{}, 1],
    [{ autorises: "3" }, 3],
    [{ autorises: ["4", "9"] }, 4],
    [{ autorises: "abc" }, 1],
    [{ autorises: "0" }, 1],
    [{ autorises: "2.5" }, 1],
    [{ autorises: "-2" }, 1],
    [{ autorises: "99999999999" }, 1],
  ])("the query %j asks for authorised page %i", (query, page) => {
    expect(sharingSearchSchema.parse(query).autorises).toBe(page);
  });
});
