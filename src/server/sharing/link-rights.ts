import "@/server/server-only";
import { spaceOf } from "../access/actor";
import type { Queryable } from "../db/queryable";
import type { Repository } from "../fhir/repository";

/**
 * Who manages a patient's share links (creates, lists with their openings, revokes): whoever
 * may "share" the patient's prescriptions, that is the patient, a guardian, or a caregiver
 * holding prescriptions:share. A caregiver who may only read prescriptions never sees links.
 */
export async function mayManageLinks(repo: Repository, patientId: string, db?: Queryable): Promise<boolean> {
  const decision = await repo.decideOn("share", { resourceType: "MedicationRequest", patientId, confidentiality: "N", labels: [] }, db);
  return decision.allow;
}

/**
 * The space whose links this actor lists: the one they act in, if they may manage its links;
 * undefined otherwise (a link holder, a caregiver without prescriptions:share), who then gets no
 * list at all, as from the links page (listMyLinks) and the sharing page (listLiveLinks).
 */
export async function linksSpaceOf(repo: Repository): Promise<string | undefined> {
  const patientId = spaceOf(repo.actor);
  if (!patientId || repo.actor.kind === "link" || !(await mayManageLinks(repo, patientId))) return undefined;
  return patientId;
}
