import "@/server/server-only";

/**
 * Page props as JSON would carry them. Next refuses props holding `undefined` (it checks under
 * `next dev`, where the page is hydrated from JSON); in production these pages send no JSON at
 * all, but the props stay the same in both, so what renders is what a developer sees. A page's
 * props are a few kilobytes: the copy costs a few microseconds.
 */
export function jsonProps<T>(props: T): T {
  return JSON.parse(JSON.stringify(props)) as T;
}
