/**
 * One page of a list held in memory (the sharing page's professionals, past prescriptions):
 * the items of the page actually shown (clamped to the first and last), that page and the count.
 * A page number from the URL that is not a number shows the first page.
 */
export function pageOf<T>(items: readonly T[], requested: number, size: number): { items: T[]; page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const wanted = Number.isFinite(requested) ? Math.floor(requested) : 1;
  const page = Math.min(Math.max(1, wanted), pageCount);
  return { items: items.slice((page - 1) * size, page * size), page, pageCount };
}
