import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rowFilter } from "@/server/access/row-filter";
import { SearchFilters } from "@/server/fhir/search-filters";
import { arbActor, arbStoredRules, NOW, ROW_FILTER_POOLS, rulesOf } from "./arbitraries";

/**
 * A search statement's row filters (search-filters.ts): a list's page and its facets share the
 * filter decided for the first, never one decided for other rules or another type.
 */
const pools = ROW_FILTER_POOLS;
const DOCS = ["d0000000-0000-4000-8000-000000000001", "d0000000-0000-4000-8000-000000000002"];
const TYPES = ["DocumentReference", "Binary", "MedicationRequest", "Communication", "Patient"];

describe("a search statement's row filters", () => {
  it("are rowFilter()'s, decided once per type and rules, and anew for other rules or another type", () => {
    fc.assert(
      fc.property(arbActor(pools), arbStoredRules(pools, DOCS), fc.constantFrom(...TYPES), fc.constantFrom(...TYPES), (actor, stored, type, other) => {
        const rules = rulesOf(pools, stored);
        const filters = new SearchFilters(actor, () => NOW);
        const first = filters.of(type, rules);
        expect(first).toEqual(rowFilter(actor, "search", type, rules, NOW));
        // The same object: rowFilter() builds a new one on every call, so this one was kept.
        expect(filters.of(type, rules)).toBe(first);
        // Rules read again (after a write) are another object: decided on anew, never the kept filter.
        const reread = { ...rules };
        const again = filters.of(type, reread);
        expect(again).not.toBe(first);
        expect(again).toEqual(rowFilter(actor, "search", type, reread, NOW));
        if (other !== type) expect(filters.of(other, reread)).toEqual(rowFilter(actor, "search", other, reread, NOW));
      }),
      { numRuns: 300 },
    );
  });

  it("never answer for one set of rules with the filter decided on another", () => {
    fc.assert(
      fc.property(arbActor(pools), arbStoredRules(pools, DOCS), arbStoredRules(pools, DOCS), (actor, storedA, storedB) => {
        const filters = new SearchFilters(actor, () => NOW);
        const a = rulesOf(pools, storedA);
        const b = rulesOf(pools, storedB);
        filters.of("DocumentReference", a);
        expect(filters.of("DocumentReference", b)).toEqual(rowFilter(actor, "search", "DocumentReference", b, NOW));
      }),
      { numRuns: 300 },
    );
  });
});
