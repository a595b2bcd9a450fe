import "@/server/server-only";
import { listSpaces, type Space } from "../auth/list-spaces";
import { partsOutOfReach, type SpacePart } from "../delegations/space-parts";
import type { RequestScope } from "../documents/request-scope";
import { emergencyNotices } from "../emergency/emergency-notices";
import type { EmergencyNotice } from "../emergency/emergency-notices";

export type PatientHomeData = {
  displayName: string;
  spaces: Space[];
  notices: EmergencyNotice[];
  /** A parent in their child's space (not a representative in an adult's): the growth chart's card. */
  guardian: boolean;
  /** What a caregiver's delegation leaves out: those sections' tiles are not offered. */
  outOfReach: SpacePart[];
};

/** The patient's home: whose space they act in, the other spaces they may open, the emergency accesses to know of. */
export async function patientHomeData({ session, actor, repo, ctx }: RequestScope): Promise<PatientHomeData> {
  const [spaces, notices, outOfReach] = await Promise.all([listSpaces({ session, actor, repo, ctx }), emergencyNotices(repo), partsOutOfReach(repo)]);
  return { displayName: session.account.displayName, spaces, notices, guardian: actor.kind === "guardian" && !spaces.some((space) => space.current && space.adultMeasure), outOfReach };
}
