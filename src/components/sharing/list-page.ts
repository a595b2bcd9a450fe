/**
 * The professional lists of "Partage et confidentialité" are shown a page at a time: a patient
 * may authorise hundreds of professionals (a hospital team, a pharmacy chain), and a page with
 * every card and its forms cost about 300 ms of server time at 250 cards (bench `partage`).
 * Twenty cards keep each card's forms on the page, so every change still works without JavaScript.
 */
export const SHARING_PAGE_SIZE = 20;

/** The cards of one page, the page actually shown (clamped to the last one) and the page count. */
export function pageOf<T>(items: readonly T[], requested: number, size = SHARING_PAGE_SIZE): { items: T[]; page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const page = Math.min(Math.max(1, Math.floor(requested)), pageCount);
  return { items: items.slice((page - 1) * size, page * size), page, pageCount };
}
