import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Pager } from "@/components/pager";

/** The one pager of paged lists (documents, the sharing page's professionals): plain links only. */
describe("Pager", () => {
  const html = (page: number, pageCount: number) => renderToStaticMarkup(<Pager label="Pages" page={page} pageCount={pageCount} hrefFor={(p) => `/liste?page=${p}`} />);

  it.each([
    [1, 1, [], false],
    [1, 3, ["/liste?page=2"], true],
    [2, 3, ["/liste?page=1", "/liste?page=3"], true],
    [3, 3, ["/liste?page=2"], true],
  ])("page %i of %i links to %j", (page, pageCount, links, shown) => {
    const markup = html(page, pageCount);
    expect([...markup.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual(links);
    expect(markup.includes(`Page ${page} sur ${pageCount}`)).toBe(shown);
  });

  it.each([
    [1, 50, ["/liste?page=2"]],
    [50, 50, ["/liste?page=49", "/liste?page=51"]],
    [1, 1, ["/liste?page=2"]],
  ])("page %i of more than %i pages (a count that stopped at its bound) links to %j", (page, pageCount, links) => {
    const markup = renderToStaticMarkup(<Pager label="Pages" page={page} pageCount={pageCount} morePages hrefFor={(p) => `/liste?page=${p}`} />);
    expect([...markup.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual(links);
    expect(markup).toContain(`Page ${page} sur plus de ${pageCount}`);
  });
});
