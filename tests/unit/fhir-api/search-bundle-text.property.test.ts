import type { Resource } from "@medplum/fhirtypes";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { searchBundle, searchBundleText } from "@/server/fhir-api/bundle";

/**
 * The API writes a searchset around the stored JSON text of each resource (searchBundleText)
 * instead of parsing and serialising it again. Whatever the stored text holds (any JSON value
 * PostgreSQL gives back, spaced its own way, with quotes, backslashes, unicode), the answer must
 * parse to exactly the Bundle that searchBundle() builds from the parsed resources.
 */
const BASE = "https://portail.example/api/fhir/R4";
const canonical: [string, string][] = [["patient", "0a000000-0000-4000-8000-000000000001"], ["_count", "2"]];

const storedResource = fc
  .record({ id: fc.uuid(), extra: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }) })
  .map(({ id, extra }) => ({ ...extra, resourceType: "DocumentReference", id }) as Resource);

const page = fc.record({
  offset: fc.nat({ max: 500 }),
  count: fc.integer({ min: 0, max: 100 }),
  hasMore: fc.boolean(),
  total: fc.option(fc.nat({ max: 10_000 }), { nil: undefined }),
});

describe("searchBundleText", () => {
  it("parses to the Bundle searchBundle() builds, whatever the stored resources hold", () => {
    fc.assert(
      fc.property(fc.array(storedResource, { maxLength: 6 }), page, fc.constantFrom(0, 1, 2), (resources, p, spacing) => {
        // PostgreSQL's jsonb text puts a space after ":" and ","; any spacing must do.
        const found = resources.map((r) => ({ id: r.id!, json: JSON.stringify(r, null, spacing) }));
        const text = searchBundleText(BASE, "DocumentReference", found, canonical, p);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(searchBundle(BASE, "DocumentReference", resources, canonical, p))));
      }),
      { numRuns: 300 },
    );
  });

  it("gives an empty page an empty entry list, as searchBundle() does", () => {
    const text = searchBundleText(BASE, "DocumentReference", [], canonical, { offset: 0, count: 20, hasMore: false, total: 0 });
    expect(JSON.parse(text)).toMatchObject({ resourceType: "Bundle", type: "searchset", total: 0, entry: [] });
  });
});
