import { confirmDelegation } from "@/server/delegations/confirm-delegation";
import { relativesPost } from "@/server/delegations/relatives-post";
import { isUuid } from "@/server/fhir/ids";
import { notFoundResponse } from "@/server/http/form-post";
import { emptySchema } from "../../schema";

/** POST: the patient, in their own session, ends the 24-hour pause now. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  if (!isUuid(id)) return notFoundResponse();
  return relativesPost(request, emptySchema, async ({ repo }) => ((await confirmDelegation(repo, id)) === "confirmed" ? "confirmee" : "deja"));
}
