import "@/server/server-only";

/** A value as JSON carries it: dates become their ISO strings, `undefined` members disappear. */
export type Json<T> = T extends Date
  ? string
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
  return JSON.parse(JSON.stringify(props)) as Json<T>;
}
