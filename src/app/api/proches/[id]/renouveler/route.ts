import { renewDelegation } from "@/server/delegations/renew-delegation";
import { relativesPost } from "@/server/delegations/relatives-post";
import { isUuid } from "@/server/fhir/ids";
import { notFoundResponse } from "@/server/http/form-post";
import { emptySchema } from "../../schema";

/** POST: one more year from today, rights unchanged. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  if (!isUuid(id)) return notFoundResponse();
  return relativesPost(request, emptySchema, async ({ repo }) => ({
    notice: (await renewDelegation(repo, id)) === "renewed" ? "renouvelee" : "deja",
    path: `/espace/proches/${id}`,
  }));
}
