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
 * developer sees, and a component reading a date is told by its type that it is a string. A
 * page's props are a few kilobytes: the copy costs a few microseconds.
 */
export function jsonProps<T>(props: T): Json<T> {
  return JSON.parse(JSON.stringify(props, refuseWhatJsonLoses)) as Json<T>;
}

function refuseWhatJsonLoses(key: string, value: unknown): unknown {
  if (value instanceof Set || value instanceof Map || typeof value === "function") {
    throw new TypeError(`Page props hold a ${typeof value === "function" ? "function" : value.constructor.name} at "${key}": JSON has no form for it`);
  }
  return value;
}
