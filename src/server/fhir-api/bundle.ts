import type { Bundle, BundleEntry, BundleLink, Resource } from "@medplum/fhirtypes";
import { MAX_OFFSET } from "../fhir/search-request";

/**
 * Bundles of the API. Links are built from the parsed, normalised query (`canonical`) on the
 * configured base URL, never from the request's Host or raw query, so a link cannot carry a
 * parameter the server did not understand or point at another host.
 */
export type Page = { offset: number; count: number; hasMore: boolean };

function queryOf(canonical: [string, string][], offset: number): string {
  const params = new URLSearchParams(canonical);
  if (offset > 0) params.set("_offset", String(offset));
  return params.toString();
}

export function pageLinks(url: string, canonical: [string, string][], page: Page): BundleLink[] {
  const link = (relation: string, offset: number): BundleLink => ({ relation, url: `${url}?${queryOf(canonical, offset)}` });
  const links = [link("self", page.offset)];
  // A page of zero (count=0) never has a next page: nothing would ever move forward. Nor does a
  // page whose next offset is past what the parser accepts: the link would answer 400.
  const next = page.offset + page.count;
  if (page.hasMore && page.count > 0 && next <= MAX_OFFSET) links.push(link("next", next));
  if (page.offset > 0) links.push(link("previous", Math.max(page.offset - Math.max(page.count, 1), 0)));
  return links;
}

export function searchBundle<T extends Resource>(
  base: string,
  type: string,
  resources: T[],
  canonical: [string, string][],
  page: Page & { total?: number },
): Bundle<T> {
  return {
    resourceType: "Bundle",
    type: "searchset",
    ...(page.total !== undefined ? { total: page.total } : {}),
    link: pageLinks(`${base}/${type}`, canonical, page),
    entry: resources.map((resource): BundleEntry<T> => ({
      fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: "match" },
    })),
  };
}

/**
 * The same searchset, written as text around resources that are already JSON text (the stored
 * form, see searchStoredJson): nothing is parsed or serialised again. Equal, once parsed, to
 * searchBundle() of the parsed resources.
 */
export function searchBundleText(
  base: string,
  type: string,
  found: { id: string; json: string }[],
  canonical: [string, string][],
  page: Page & { total?: number },
): string {
  const { entry: _none, ...envelope } = searchBundle(base, type, [], canonical, page);
  const entries = found.map(({ id, json }) => `{"fullUrl":${JSON.stringify(`${base}/${type}/${id}`)},"resource":${json},"search":{"mode":"match"}}`);
  return `${JSON.stringify(envelope).slice(0, -1)},"entry":[${entries.join(",")}]}`;
}

export type HistoryVersion = { resource: Resource; deleted: boolean; versionId: number };

/** The versions of one resource, newest first; a deletion is an entry without a resource. */
export function historyBundle(
  base: string,
  type: string,
  id: string,
  versions: HistoryVersion[],
  canonical: [string, string][],
  page: Page,
): Bundle {
  const entry = versions.map(({ resource, deleted, versionId }): BundleEntry => {
    const lastModified = resource.meta?.lastUpdated;
    const response = { status: deleted ? "204 No Content" : versionId === 1 ? "201 Created" : "200 OK", etag: `W/"${versionId}"`, lastModified };
    if (deleted) return { fullUrl: `${base}/${type}/${id}`, request: { method: "DELETE", url: `${type}/${id}` }, response };
    return {
      fullUrl: `${base}/${type}/${id}`,
      resource,
      request: versionId === 1 ? { method: "POST", url: type } : { method: "PUT", url: `${type}/${id}` },
      response,
    };
  });
  return { resourceType: "Bundle", type: "history", link: pageLinks(`${base}/${type}/${id}/_history`, canonical, page), entry };
}
