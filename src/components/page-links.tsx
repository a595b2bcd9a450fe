
/**
 * Previous / next links and "page N of M" for any list shown a page at a time: plain links, so
 * paging works without JavaScript. `hrefFor` builds the URL of a page (keeping the list's filters).
 */
export function PageLinks({
  page,
  pages,
  hrefFor,
  labels,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  labels: { nav: string; previous: string; next: string; pageOf: string };
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={labels.nav} className="flex flex-wrap items-center justify-between gap-3">
      {page > 1 ? (
        <a href={hrefFor(page - 1)} rel="prev" className="font-semibold">
          ← {labels.previous}
        </a>
      ) : (
        <span />
      )}
      <p>{labels.pageOf}</p>
      {page < pages ? (
        <a href={hrefFor(page + 1)} rel="next" className="font-semibold">
          {labels.next} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
