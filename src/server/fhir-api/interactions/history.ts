import "server-only";
import { historyBundle } from "../bundle";
import { parseHistoryParams } from "../parse-search";
import { fhirJson } from "../responses";
import type { InteractionContext } from "./context";

/** GET [type]/[id]/_history: every version, newest first, paged like a search. */
export async function historyInteraction({ url, type, id, repo, base }: InteractionContext): Promise<Response> {
  const { request, canonical } = parseHistoryParams(url.searchParams);
  const count = request.count ?? 0;
  const offset = request.offset ?? 0;
  const versions = await repo.history(type, id);
  const page = versions.slice(offset, offset + count);
  const bundle = historyBundle(base, type, id, page, canonical, { offset, count, hasMore: offset + count < versions.length });
  return fhirJson({ ...bundle, total: versions.length });
}
