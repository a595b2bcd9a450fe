import "@/server/server-only";
import type { AgentDelegations } from "../auth/list-spaces";

/**
 * When each delegation this person accepted, still in its 24-hour pause, will let them act: the
 * rules' own dates (access metadata, as the space list reads them), nothing of the person who
 * made it. Their name is not shown: the decision lets nobody read it as their caregiver before
 * the pause ends, and this list reads nothing the decision would not allow. From the delegations
 * the page read once for its spaces too (list-spaces.ts, agentDelegations).
 */
export function pausedDelegationStarts(delegations: AgentDelegations, now: Date): Date[] {
  return delegations
    .map(({ delegation }) => delegation)
    .filter((delegation) => delegation.kind === "delegate" && delegation.active && delegation.start !== undefined && now < delegation.start && (!delegation.end || delegation.start < delegation.end))
    .map((delegation) => delegation.start!)
    .sort((a, b) => a.getTime() - b.getTime());
}
