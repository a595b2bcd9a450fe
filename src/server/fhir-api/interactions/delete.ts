import "@/server/server-only";
import { parseIfMatch } from "../if-match";
import { parseNoParams } from "../parse-search";
import { noContent } from "../responses";
import type { InteractionContext } from "./context";

/** DELETE [type]/[id]: a tombstone (the history stays); If-Match guards it like an update. */
export async function deleteInteraction({ request, url, type, id, repo }: InteractionContext): Promise<Response> {
  parseNoParams(url.searchParams);
  await repo.delete(type, id, { ifMatch: parseIfMatch(request.headers.get("if-match")) });
  return noContent();
}
