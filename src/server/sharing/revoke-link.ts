import "@/server/server-only";
import { spaceOf } from "../access/actor";
import { inPrisma } from "../db/queryable";
import { Denied } from "../fhir/denied";
import { notFound } from "../fhir/errors";
import { isUuid, type Repository } from "../fhir/repository";
import { findShareLink, revokeShareLink } from "../fhir/share-links";
import { mayManageLinks } from "./link-rights";

/**
 * Ends a link at once: the very next request through it answers 404, and a pharmacist's open
 * session dies with it (sessions re-read the link on every request). A link of another space,
 * or one the actor may not manage, is a 404 like a link that does not exist. Revoking twice is
 * harmless and recorded once.
 *
 * Ending a link is managing the space's links, which only the right to share gives (link-rights.ts):
 * a caregiver whose delegation was narrowed to reading, or never had more, ends nothing, hers or the
 * patient's. It lowers what the pharmacy sees, but it is still an act in the patient's name without
 * her leave, refused as every other write without the scope is (repository.ts, share-prescription.ts):
 * the patient's trail keeps the refused attempt, on "ShareLink" without the link's id, so the link's
 * own history (share-link-events.ts) never shows it as ended. Asked inside the transaction, which
 * holds a caregiver's tie and its rules as they are now (agent-tie.ts): a narrowing that has
 * answered is never followed by her revocation.
 */
export async function revokeLink(repo: Repository, linkId: string): Promise<void> {
  const patientId = spaceOf(repo.actor);
  if (!patientId || repo.actor.kind === "link" || !isUuid(linkId)) throw notFound();
  const link = await findShareLink(linkId);
  if (!link || link.patientId !== patientId) throw notFound();
  await repo.transaction(async (scope) => {
    if (!(await mayManageLinks(repo, patientId, inPrisma(scope.tx)))) {
      const entry = { patientId, entity: "ShareLink", interaction: "revoke-share", outcome: "denied", reason: "scope-missing", detail: { prescription: link.prescriptionId } } as const;
      throw new Denied(entry, notFound());
    }
    if (!(await revokeShareLink(scope.tx, linkId, patientId, repo.now()))) return;
    await scope.audit({ patientId, entity: `ShareLink/${linkId}`, interaction: "revoke-share", outcome: "success", detail: { prescription: link.prescriptionId } });
  });
}
