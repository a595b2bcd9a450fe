import "@/server/server-only";
import { readAuditEntry } from "../audit/read-audit";
import { isUuid } from "../fhir/ids";
import { notFound } from "../fhir/errors";
import type { Repository } from "../fhir/repository";
import { blockProfessional } from "./block-professional";
import { privacySpace } from "./privacy-space";

/**
 * "Je ne reconnais pas cet accès": on a professional's access in the patient's history (or on
 * the emergency notice), one action blocks that professional at once and flags the access in
 * the trail (an entry of its own naming the one reported, which the history shows beside it).
 * Only an access by a professional of the patient's own trail can be reported.
 */
export async function reportUnrecognisedAccess(repo: Repository, auditId: string): Promise<{ practitionerId: string }> {
  const patientId = await privacySpace(repo);
  if (!isUuid(auditId)) throw notFound();
  const entry = await readAuditEntry(repo, patientId, auditId);
  const practitionerId = entry?.agent.startsWith("Practitioner/") ? entry.agent.slice("Practitioner/".length) : undefined;
  if (!entry || !practitionerId || !isUuid(practitionerId)) throw notFound();
  await blockProfessional(repo, practitionerId);
  await repo.audit({ patientId, entity: `AuditEvent/${auditId}`, interaction: "report-access", outcome: "success", detail: { practitioner: practitionerId } });
  return { practitionerId };
}
