import type { BundleLink } from "@medplum/fhirtypes";

/**
 * The links of an AuditEvent searchset. A patient's trail has no end, so `next` continues after
 * the page's last entry (`_cursor`) instead of at an offset, which the parser caps at 10,000:
 * a client following `next` reaches the oldest entry, however long the trail. `first` goes
 * back to the start (a cursor only goes forward). Built from the parsed, canonical query, as
 * every link of the API (bundle.ts).
 */
export function auditPageLinks(
  url: string,
  canonical: [string, string][],
  page: { offset: number; count: number; cursor?: string; hasMore: boolean; last?: string },
): BundleLink[] {
  const link = (relation: string, extra: [string, string][]): BundleLink => ({
    relation,
    url: `${url}?${new URLSearchParams([...canonical, ...extra]).toString()}`,
  });
  const position: [string, string][] = [
    ...(page.cursor ? [["_cursor", page.cursor] as [string, string]] : []),
    ...(page.offset > 0 ? [["_offset", String(page.offset)] as [string, string]] : []),
  ];
  const links = [link("self", position)];
  if (page.hasMore && page.count > 0 && page.last) links.push(link("next", [["_cursor", page.last]]));
  if (position.length > 0) links.push(link("first", []));
  return links;
}
