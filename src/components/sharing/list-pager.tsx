import Link from "next/link";
import { t } from "@/lib/i18n/messages";

/**
 * Previous / next links for one list of the sharing page. `hrefFor` keeps the other list's page
 * and lands on the list's own heading; plain links, so paging works without JavaScript.
 */
export function ListPager({ label, page, pageCount, hrefFor }: { label: string; page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className="font-semibold">
          ← {t("documents.previous")}
        </Link>
      ) : (
        <span />
      )}
      <p>{t("documents.pageOf", { page, pages: pageCount })}</p>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next" className="font-semibold">
          {t("documents.next")} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
