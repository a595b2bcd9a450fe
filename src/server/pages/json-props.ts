import "@/server/server-only";

/**
 * A value as JSON carries it: dates become their ISO strings, `undefined` members disappear. A
 * Set, a Map or a function has no JSON form (a Set would arrive as `{}`): `never`, so a page that
 * puts one in its props does not type-check, and jsonProps refuses it at run time too.
 */
export type Json<T> = T extends Date
  ? string
  : T extends ReadonlySet<unknown> | ReadonlyMap<unknown, unknown> | ((...args: never[]) => unknown)
    ? never
    : T extends (infer U)[]
    ? Json<U>[]
    : T extends readonly (infer U)[]
      ? readonly Json<U>[]
      : T extends object
        ? { [K in keyof T]: Json<T[K]> }
        : T;

/**
 * Page props as JSON would carry them, and typed so. Next refuses props holding `undefined` or
 * a Date (it checks under `next dev`, where the page is hydrated from JSON); in production these
 * pages send no JSON at all, but the props stay the same in both, so what renders is what a
 * developer sees, and a component reading a date is told by its type that it is a string.
 *
 * A walk over the props, not `JSON.parse(JSON.stringify(props, replacer))`: with a replacer, V8
 * leaves JSON.stringify's fast path to call back into JavaScript for every value, and the text is
 * then parsed again. On the professional's view of a record that copy was 2.0 % of the server's
 * CPU per view (issue 16, V8 profile of 1,500 views); the walk costs about a third of it. It gives
 * what the round trip gives, refusals included (json-props.property.test.ts holds it to that).
 */
export function jsonProps<T>(props: T): Json<T> {
  return copy(props, "") as Json<T>;
}

function copy(value: unknown, key: string): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      // JSON has no NaN, no infinity and no -0.
      return !Number.isFinite(value) ? null : value === 0 ? 0 : value;
    case "undefined":
    case "symbol":
      return undefined;
    case "function":
      throw refusal(key, "function");
    case "bigint":
      throw refusal(key, "bigint");
    default:
      return value === null ? null : copyObject(value as object, key);
  }
}

function copyObject(value: object, key: string): unknown {
  if (value instanceof Date) return value.toJSON();
  if (value instanceof Set || value instanceof Map) throw refusal(key, value.constructor.name);
  if (value instanceof Number || value instanceof String || value instanceof Boolean) return copy(value.valueOf(), key);
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    // As JSON: a member it cannot carry (undefined, a symbol, a hole) becomes null, keeping places.
    for (let index = 0; index < value.length; index++) out[index] = copy(value[index], String(index)) ?? null;
    return out;
  }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === "function") return copy(toJSON.call(value, key), key);
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(value)) {
    const member = copy((value as Record<string, unknown>)[name], name);
    if (member === undefined) continue;
    // A member named "__proto__" is data, as JSON.parse makes it, not the copy's prototype.
    if (name === "__proto__") Object.defineProperty(out, name, { value: member, enumerable: true, writable: true, configurable: true });
    else out[name] = member;
  }
  return out;
}

function refusal(key: string, what: string): TypeError {
  return new TypeError(`Page props hold a ${what} at "${key}": JSON has no form for it`);
}
