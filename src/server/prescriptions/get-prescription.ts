import "@/server/server-only";
import { spaceOf } from "../access/actor";
import { notFound } from "../fhir/errors";
import type { Repository } from "../fhir/repository";
import { linksSpaceOf } from "../sharing/link-rights";
import { linksOfSpace, type MyLink } from "../sharing/list-my-links";
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
  // slower than the documents page in every round). The links are read whatever the answer, but
  // only returned with a prescription found: a 404 shows nothing of them. The right to share is
  // decided first (a decision, nothing read), so that the links' statement leaves first: it is
  // the longer one (each link's openings, from the trail), and sending a statement holds the
  // server's thread about 0.1 ms, which the lines' statement no longer adds before it.
  const linksSpace = await linksSpaceOf(repo);
  const [links, found] = await Promise.all([linksSpace ? linksOfSpace(repo, linksSpace, prescriptionId) : undefined, readPrescription(repo, patientId, prescriptionId, repo.now())]);
  if (!found) throw notFound();
  return { patientId, prescription: found.prescription, mayShare: links !== undefined, links };
}
