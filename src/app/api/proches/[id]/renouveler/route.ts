import { renewDelegation } from "@/server/delegations/renew-delegation";
import { relativesPost } from "@/server/delegations/relatives-post";
import { isUuid } from "@/server/fhir/ids";
import { notFoundResponse } from "@/server/http/form-post";
import { emptySchema } from "../../schema";

/** POST: one more year from today, rights unchanged (a later end: after the 24-hour pause). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  if (!isUuid(id)) return notFoundResponse();
  const NOTICES = { renewed: "renouvelee", paused: "en-pause", unchanged: "deja" } as const;
  return relativesPost(request, emptySchema, async ({ repo }) => ({ notice: NOTICES[await renewDelegation(repo, id)], path: `/espace/proches/${id}` }));
}
