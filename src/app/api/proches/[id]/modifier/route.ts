import type { z } from "zod";
import { changeDelegation } from "@/server/delegations/change-delegation";
import { CHANGE_FORM, changeTypedOf, changeTypedWhere } from "@/server/delegations/change-typed";
import { relativesPost, type RelativesNotice } from "@/server/delegations/relatives-post";
import { isUuid } from "@/server/fhir/ids";
import { notFoundResponse } from "@/server/http/form-post";
import { endDayAllowed } from "@/server/delegations/invitation-state";
import { managedSpaceUntil } from "@/server/delegations/managed-space";
import { changeSchema } from "../../schema";

/**
 * POST: new rights and last day for a caregiver (more of either waits out the 24-hour pause).
 * Refused for its last day (empty, not a day, out of bounds), it goes back to the delegation's
 * page with « date », which marks that field; any other refused form (a right the form never
 * offers) goes back there too, with the general refusal.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  if (!isUuid(id)) return notFoundResponse();
  const page = `/espace/proches/${id}` as const;
  return relativesPost(
    request,
    changeSchema,
    async ({ repo }, input) => {
      if (!endDayAllowed(input.fin, repo.now(), await managedSpaceUntil(repo))) return { notice: "date", path: page };
      const { pausedUntil } = await changeDelegation(repo, id, { scopes: input.droits, endDay: input.fin });
      return { notice: pausedUntil ? "en-pause" : "modifiee", path: page };
    },
    {
      invalid: (error) => ({ notice: refusedField(error), path: page }),
      // Refused, the rights ticked and the day typed come back to this delegation's form (change-typed.ts).
      keepTyped: { form: CHANGE_FORM, of: changeTypedOf, where: (space) => changeTypedWhere(space, id) },
    },
  );
}

/** « date » when the last day alone is at fault, as when it is out of bounds; otherwise the general refusal. */
function refusedField(error: z.ZodError): RelativesNotice {
  const fields = new Set(error.issues.map((issue) => String(issue.path[0])));
  return fields.size === 1 && fields.has("fin") ? "date" : "formulaire";
}
