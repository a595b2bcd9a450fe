import { cancelPendingInvitation } from "@/server/delegations/cancel-invitation";
import { relativesPost } from "@/server/delegations/relatives-post";
import { isUuid } from "@/server/fhir/ids";
import { notFoundResponse } from "@/server/http/form-post";
import { emptySchema } from "../../../schema";

/** POST: cancel an invitation not yet accepted; its link stops working. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  if (!isUuid(id)) return notFoundResponse();
  return relativesPost(request, emptySchema, async ({ repo }) => ((await cancelPendingInvitation(repo, id)) === "cancelled" ? "annulee" : "deja"));
}
