import "@/server/server-only";
import { setActiveSpace } from "../db/session-store";
import type { CurrentSession } from "./check-session";
import { actorForSession } from "./actor-for-session";

/**
 * Moves the session to another patient's space (a dependant's, or a patient who delegated to
 * this person), or back to their own. The right is checked here, and checked again on every
 * later request by actorForSession, so this only records a choice.
 */
export async function switchSpace(session: CurrentSession, patientId: string, now: Date): Promise<boolean> {
  if (session.account.kind !== "patient") return false;
  const target = `Patient/${patientId}`;
  const actor = await actorForSession({ ...session, activeSpace: target }, now);
  const allowed = actor !== undefined && "patientId" in actor && actor.patientId === patientId;
  if (!allowed) return false;
  await setActiveSpace(session.sessionId, target);
  return true;
}
