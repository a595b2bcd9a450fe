import "@/server/server-only";
import type { LinkActor } from "../access/actor";
import type { RequestContext } from "../audit/audit-entry";
import { createRepository, isUuid, type Repository } from "../fhir/repository";
import { findShareLink } from "../fhir/share-links";
import { openLinkSession } from "./link-session";
import { linkState } from "./link-state";

/**
 * The repository of a pharmacist's request after the opening: built for the LinkActor of the
 * session's link, only while the link still opens. The link's row is read on every request,
 * so a revoked, expired, locked or fully dispensed link answers 404 on the very next one.
 */
export type LinkScope = { actor: LinkActor; repo: Repository };

export async function linkScope(
  linkId: string,
  token: string | undefined,
  ctx: Omit<RequestContext, "agentName">,
  now: Date,
): Promise<LinkScope | undefined> {
  if (!isUuid(linkId)) return undefined;
  const session = openLinkSession(linkId, token, now);
  if (!session) return undefined;
  const link = await findShareLink(linkId);
  if (!link) return undefined;
  if (linkState(link, link.prescriptionOpen, now) !== "active") return undefined;
  const actor: LinkActor = { kind: "link", linkId, patientId: link.patientId, prescriptionId: link.prescriptionId, pharmacy: session.pharmacy };
  return { actor, repo: await createRepository(actor, { ...ctx, agentName: session.pharmacy }) };
}
