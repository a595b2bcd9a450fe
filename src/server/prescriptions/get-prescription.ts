import "server-only";
import { spaceOf } from "../access/actor";
import { notFound } from "../fhir/errors";
import type { Repository } from "../fhir/repository";
import { listMyLinks, type MyLink } from "../sharing/list-my-links";
import { mayManageLinks } from "../sharing/link-rights";
import { readPrescription, type NamedPrescription } from "./read-prescriptions";

/**
 * One prescription's page in a space: the prescription, and for whoever may share it its links
 * with every opening. A prescription of another space, or one the actor may not see, is a 404
 * like one that does not exist.
 */
export type PrescriptionDetail = { patientId: string; prescription: NamedPrescription; mayShare: boolean; links?: MyLink[] };

export async function getPrescription(repo: Repository, prescriptionId: string): Promise<PrescriptionDetail> {
  const patientId = spaceOf(repo.actor);
  if (!patientId || repo.actor.kind === "link" || prescriptionId.length > 64) throw notFound();
  const found = await readPrescription(repo, patientId, prescriptionId, repo.now());
  if (!found) throw notFound();
  const mayShare = await mayManageLinks(repo, patientId);
  return { patientId, prescription: found.prescription, mayShare, links: mayShare ? await listMyLinks(repo, prescriptionId) : undefined };
}
