import { revokeDelegation } from "@/server/delegations/change-delegation";
import { relativesPost } from "@/server/delegations/relatives-post";
import { isUuid } from "@/server/fhir/ids";
import { notFoundResponse } from "@/server/http/form-post";
import { emptySchema } from "../../schema";

/** POST: end a caregiver's delegation now (their next request finds nothing). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  if (!isUuid(id)) return notFoundResponse();
  return relativesPost(request, emptySchema, async ({ repo }) => ((await revokeDelegation(repo, id)) === "revoked" ? "retiree" : "deja"));
}
