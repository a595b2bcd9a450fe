import "@/server/server-only";
import { historyBundle } from "../bundle";
import { parseHistoryParams } from "../parse-search";
import { fhirJson } from "../responses";
import type { InteractionContext } from "./context";

/** GET [type]/[id]/_history: every version, newest first, paged like a search. */
export async function historyInteraction({ url, type, id, repo, base }: InteractionContext): Promise<Response> {
  const { request, canonical } = parseHistoryParams(url.searchParams);
  const count = request.count ?? 0;
  const offset = request.offset ?? 0;
  // _count=0 asks only for the total: one row is read for it, none is sent.
  const { versions, total } = await repo.history(type, id, { offset, count: Math.max(count, 1) });
  const page = versions.slice(0, count);
  const bundle = historyBundle(base, type, id, page, canonical, { offset, count, hasMore: offset + count < total });
  return fhirJson({ ...bundle, total });
}
