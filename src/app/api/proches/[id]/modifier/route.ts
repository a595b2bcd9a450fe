import { changeDelegation } from "@/server/delegations/change-delegation";
import { relativesPost } from "@/server/delegations/relatives-post";
import { isUuid } from "@/server/fhir/ids";
import { notFoundResponse } from "@/server/http/form-post";
import { endDayAllowed } from "@/server/delegations/invitation-state";
import { managedSpaceUntil } from "@/server/delegations/managed-space";
import { changeSchema } from "../../schema";

/** POST: new rights and last day for a caregiver (more of either waits out the 24-hour pause). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  if (!isUuid(id)) return notFoundResponse();
  return relativesPost(request, changeSchema, async ({ repo }, input) => {
    if (!endDayAllowed(input.fin, repo.now(), await managedSpaceUntil(repo))) return { notice: "date", path: `/espace/proches/${id}` };
    const { pausedUntil } = await changeDelegation(repo, id, { scopes: input.droits, endDay: input.fin });
    return { notice: pausedUntil ? "en-pause" : "modifiee", path: `/espace/proches/${id}` };
  });
}
