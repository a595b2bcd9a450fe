/**
 * The portal's server runs on Node's own Date, not on the wrapper Next puts in its place when it
 * loads (next/dist/server/node-environment-extensions/date.js).
 *
 * Why: Next replaces the global Date with a function that builds every date through
 * Reflect.construct and, for `new Date()` and `Date.now()`, asks its work-unit store whether a
 * prerender is reading the clock. That check serves `cacheComponents` alone, which next.config.ts
 * does not turn on (a unit test holds it: tests/unit/http/native-date.test.ts), and it is done at
 * build time, in another process, where the wrapper stays. At run time it only costs: 0.6-0.8 µs
 * per date built against 0.07 for Node's own, measured on this machine, and the pages build one
 * for every timestamp a statement returns (pg), every date they format and every date their props
 * carry. In a V8 profile of the document page (issue 16, a table of fifty views), the wrapper's
 * own time was 111 µs per view, the documents page's 28.
 *
 * keepNativeDate runs before Next loads, restoreNativeDate once it has: Date and the prototype's
 * constructor are put back as they were.
 */
let native: DateConstructor | undefined;

/** Before Next's modules load: the Date they will wrap is kept. */
export function keepNativeDate(): void {
  native ??= globalThis.Date;
}

/** Once Next has loaded: its wrapper gives way to the Date kept before. */
export function restoreNativeDate(): void {
  if (!native || globalThis.Date === native) return;
  globalThis.Date = native;
  Object.defineProperty(native.prototype, "constructor", { value: native, writable: true, configurable: true, enumerable: false });
}
