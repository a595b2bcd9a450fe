import "@/server/server-only";
import { spaceOf } from "../access/actor";
import { notFound } from "../fhir/errors";
import { isUuid, type Repository } from "../fhir/repository";
import { findShareLink, revokeShareLink } from "../fhir/share-links";
import { mayManageLinks } from "./link-rights";

/**
 * Ends a link at once: the very next request through it answers 404, and a pharmacist's open
 * session dies with it (sessions re-read the link on every request). A link of another space,
 * or one the actor may not manage, is a 404 like a link that does not exist. Revoking twice is
 * harmless and recorded once.
 */
export async function revokeLink(repo: Repository, linkId: string): Promise<void> {
  const patientId = spaceOf(repo.actor);
  if (!patientId || repo.actor.kind === "link" || !isUuid(linkId)) throw notFound();
  const link = await findShareLink(linkId);
  if (!link || link.patientId !== patientId || !(await mayManageLinks(repo, patientId))) throw notFound();
  await repo.transaction(async (scope) => {
    if (!(await revokeShareLink(scope.tx, linkId, patientId, repo.now()))) return;
    await scope.audit({ patientId, entity: `ShareLink/${linkId}`, interaction: "revoke-share", outcome: "success", detail: { prescription: link.prescriptionId } });
  });
}
