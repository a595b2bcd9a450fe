import "@/server/server-only";
import { actorForSession } from "../auth/actor-for-session";
import { mayReadTrail } from "../audit/may-read-trail";
import type { RequestScope } from "../documents/request-repository";
import { spaceOfNotice } from "../db/notification-store";
import { createRepository } from "../fhir/repository";

/**
 * The space of a notice the person opens from another space (her own, from an old tab or the
 * e-mail a guardian gets for her child's notices): given only when she may act in that space now
 * (the actor a session there would have: a live guardianship or delegation, as switchSpace checks)
 * and read its notices there (its trail, as notification-owners.ts asks of the space one is in),
 * decided by decide() for that actor, and recorded in that person's trail. Otherwise undefined,
 * and the caller answers as for a notice that does not exist.
 */
export async function noticeSpaceReached(scope: RequestScope, id: string, now: Date): Promise<string | undefined> {
  const patientId = await spaceOfNotice(id);
  if (!patientId) return undefined;
  const actor = await actorForSession({ ...scope.session, activeSpace: `Patient/${patientId}` }, now);
  if (!actor || !("patientId" in actor) || actor.patientId !== patientId || actor.kind === "patient") return undefined;
  const repo = await createRepository(actor, scope.ctx);
  if (!(await mayReadTrail(repo, patientId, "read"))) return undefined;
  await repo.audit({ patientId, entity: "Notification", interaction: "read", outcome: "success" });
  return patientId;
}
