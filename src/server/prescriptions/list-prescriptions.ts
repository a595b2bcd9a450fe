import "@/server/server-only";
import { spaceOf } from "../access/actor";
import { notFound } from "../fhir/errors";
import type { Repository } from "../fhir/repository";
import { readAllPrescriptions, type NamedPrescription } from "./read-prescriptions";

/**
 * The prescriptions page of a space: active prescriptions first, then past ones (dispensed,
 * expired, cancelled), each with its lines, prescriber, validity, renewals left and what was
 * dispensed where and when. For the patient, a guardian, or a caregiver with
 * prescriptions:read (the repository decides; a caregiver without it sees an empty list, as
 * every search of theirs finds nothing). Sending to a pharmacy is offered on each prescription's
 * own page (get-prescription.ts), which decides it: the list decided it too, on every view, for
 * nothing that showed it.
 */
export type PrescriptionList = { patientId: string; active: NamedPrescription[]; past: NamedPrescription[] };

export async function listPrescriptions(repo: Repository): Promise<PrescriptionList> {
  const patientId = spaceOf(repo.actor);
  if (!patientId || repo.actor.kind === "link") throw notFound();
  const all = await readAllPrescriptions(repo, patientId, repo.now());
  return {
    patientId,
    active: all.filter((p) => p.state === "active"),
    past: all.filter((p) => p.state !== "active"),
  };
}
