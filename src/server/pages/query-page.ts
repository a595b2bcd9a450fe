import "@/server/server-only";

/** The page number a list's URL asks for (?page=3), or 1; each list bounds it to its own pages. */
export function queryPage(value: string | string[] | undefined): number {
  const requested = Number(Array.isArray(value) ? value[0] : value);
  return Number.isFinite(requested) ? requested : 1;
}

/** A query parameter given once, as its string; absent or repeated (?erreur=a&erreur=b): none. */
export function queryValue(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}
