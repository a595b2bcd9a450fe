import "@/server/server-only";
import { spaceOf } from "../access/actor";
import { notFound } from "../fhir/errors";
import type { Repository } from "../fhir/repository";
import { listMyLinks, type MyLink } from "../sharing/list-my-links";
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
  // The prescription and its links at once, not one after the other (issue 16: the page came out
  // slower than the documents page in every round). The links are read whatever the answer,
  // but only returned with a prescription found: a 404 shows nothing of them. listMyLinks decides
  // the right to share itself (undefined without it), so that decision is not taken twice.
  const [found, links] = await Promise.all([readPrescription(repo, patientId, prescriptionId, repo.now()), listMyLinks(repo, prescriptionId)]);
  if (!found) throw notFound();
  return { patientId, prescription: found.prescription, mayShare: links !== undefined, links };
}
