import "@/server/server-only";
import { delegationIsLive } from "../access/applicable-delegation";
import { agentDelegations } from "../auth/list-spaces";
import type { RequestScope } from "../documents/request-scope";

/** How many other people's spaces a person acts in today: as a parent (guardian) or as a caregiver. */
export type SpacesAlsoClosed = { guardian: number; delegate: number };

/**
 * What « Clôturer mon espace » also takes from her: closing shuts her account (close-space.ts), so
 * a parent no longer acts in her children's spaces, nor a caregiver in those confided to her. The
 * section says so, with how many, before she confirms (found reviewing the closure: a mother
 * closing her own space lost her son's without a word of warning). Counted from the delegations
 * naming her, as the space switcher lists them (list-spaces.ts), without reading anyone's name:
 * a count is all the warning needs, and a name read would be a line in that person's history on
 * every view of « Mon compte ». Only in her own space, where the section is offered.
 */
export async function spacesAlsoClosed(scope: RequestScope): Promise<SpacesAlsoClosed | undefined> {
  if (scope.actor.kind !== "patient") return undefined;
  const now = scope.repo.now();
  const live = (await agentDelegations(scope)).filter(({ delegation }) => delegationIsLive(delegation, now));
  if (live.length === 0) return undefined;
  return { guardian: live.filter(({ delegation }) => delegation.kind === "guardian").length, delegate: live.filter(({ delegation }) => delegation.kind === "delegate").length };
}
