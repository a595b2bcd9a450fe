import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { formatHumanName } from "@/lib/fhir/human-name";
import type { ReadRepository } from "../fhir/read-repository";

/** Per repository (one per request): its reads of a person, kept only as long as the repository. */
const readsOf = new WeakMap<ReadRepository, Map<string, Promise<Patient>>>();

/**
 * The Patient whose space a page shows, read through the repository as the actor (so the read is
 * decided, and in that person's history), once per request: the space's banner, the page's
 * title and what the page shows of the person (their age for prevention, their birth date on a
 * printable prescription, their name in the history) share one read and one audit row; each of
 * them reading it again was a second line in the person's history for one look. Rejects as the
 * read does (Forbidden, NotFound). Memoised on the request's repository rather than with
 * React's `cache`, which memoises only inside a server components render; a page's data is
 * read before the actions' writes, so nothing reads a Patient this request has changed.
 */
export function readSpacePatient(repo: ReadRepository, patientId: string): Promise<Patient> {
  let reads = readsOf.get(repo);
  if (!reads) readsOf.set(repo, (reads = new Map()));
  let patient = reads.get(patientId);
  if (!patient) {
    patient = repo.read<Patient>("Patient", patientId);
    // Kept for the next caller: a refusal must not be an unhandled rejection meanwhile.
    patient.catch(() => undefined);
    reads.set(patientId, patient);
  }
  return patient;
}

/** The same read, undefined when the decision says no (the banner, the list of spaces). */
export function spacePatient(repo: ReadRepository, patientId: string): Promise<Patient | undefined> {
  return readSpacePatient(repo, patientId).catch(() => undefined);
}

/** The name of the person whose space an agent acts in (the same read); undefined when the decision says no. */
export async function spacePatientName(repo: ReadRepository, patientId: string): Promise<string | undefined> {
  const patient = await spacePatient(repo, patientId);
  return patient ? (formatHumanName(patient.name) ?? "") : undefined;
}
