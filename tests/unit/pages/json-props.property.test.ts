import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { jsonProps } from "@/server/pages/json-props";

/**
 * jsonProps walks the props instead of a JSON round trip (issue 16: the round trip with its
 * replacer was 2 % of a page's CPU). It must give exactly what the round trip gave, and refuse
 * exactly what it refused: the round trip it replaced is the oracle.
 */
function roundTrip(props: unknown): unknown {
  return JSON.parse(
    JSON.stringify(props, (key: string, value: unknown) => {
      if (value instanceof Set || value instanceof Map || typeof value === "function") throw new TypeError(`refused at "${key}"`);
      return value;
    }),
  ) as unknown;
}

/** Equal as Node's strict deep equality sees it: prototypes, and -0 apart from 0 (toStrictEqual lets -0 pass). */
function expectSame(value: unknown) {
  const walked = outcome(() => jsonProps(value));
  const parsed = outcome(() => roundTrip(value));
  expect(walked).toStrictEqual(parsed);
  expect(isDeepStrictEqual(walked, parsed)).toBe(true);
}

function outcome(run: () => unknown): { value: unknown } | { refused: true } {
  try {
    return { value: run() };
  } catch {
    return { refused: true };
  }
}

// fast-check's values of every shape: dates (valid or not), boxed primitives, null prototypes,
// sparse and typed arrays, -0 and NaN, symbols, Sets and Maps, and "__proto__" among the keys.
const anyValue = fc.anything({
  withDate: true,
  withBoxedValues: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
  withSet: true,
  withMap: true,
  withObjectString: true,
  withUnicodeString: true,
  maxDepth: 4,
});
// Props are an object (a top-level undefined has no JSON text at all, so the oracle would refuse it).
const anyProps = fc.dictionary(fc.string(), anyValue, { maxKeys: 6 });

describe("jsonProps against the JSON round trip", () => {
  it("gives the same value, or refuses as it refused", () => {
    fc.assert(
      fc.property(anyProps, expectSame),
      { numRuns: 2000 },
    );
  });

  it("gives the same page props: dates, undefined members, functions anywhere", () => {
    const page = fc.record({
      at: fc.date({ noInvalidDate: false }),
      note: fc.option(fc.string(), { nil: undefined }),
      rows: fc.array(fc.record({ id: fc.uuid(), seen: fc.option(fc.date(), { nil: undefined }), size: fc.double() })),
      action: fc.option(fc.constant(() => "x"), { nil: undefined }),
    });
    fc.assert(
      fc.property(page, expectSame),
    );
  });

  it("keeps a member named __proto__ as data and leaves the copy's prototype alone", () => {
    const props = JSON.parse('{"__proto__": {"admin": true}, "name": "Camille"}') as object;
    const copied = jsonProps(props) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copied)).toBe(Object.prototype);
    expect((copied as { admin?: boolean }).admin).toBeUndefined();
    expect(Object.keys(copied)).toEqual(["__proto__", "name"]);
    expect(copied).toStrictEqual(roundTrip(props));
  });

  it("gives numbers JSON has: NaN and infinities as null, -0 as 0", () => {
    expectSame({ values: [Number.NaN, Infinity, -Infinity, -0, 1.5] });
    expect(Object.is((jsonProps({ n: -0 }) as { n: number }).n, 0)).toBe(true);
  });

  it("refuses a bigint, as JSON does", () => {
    expect(() => jsonProps({ count: 10n })).toThrow(/bigint at "count"/);
  });
});
