import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { formatHumanName } from "@/lib/fhir/human-name";
import type { Repository } from "../fhir/repository";

/** Per repository (one per request): its reads of a name, kept only as long as the repository. */
const readsOf = new WeakMap<Repository, Map<string, Promise<string | undefined>>>();

/**
 * The name of the person whose space an agent (guardian, caregiver) acts in, read through the
 * repository as the agent, so the read is decided and in that person's history; undefined when
 * the decision says no. Once per request: the space's banner and the page's title share one read
 * and one audit row. Memoised on the request's repository rather than with React's `cache`,
 * which memoises only inside a server components render: the Pages Router's pages read it twice,
 * and a caregiver's every view left two reads of the other person in that person's history.
 */
export function spacePatientName(repo: Repository, patientId: string): Promise<string | undefined> {
  let reads = readsOf.get(repo);
  if (!reads) readsOf.set(repo, (reads = new Map()));
  let name = reads.get(patientId);
  if (!name) {
    name = repo
      .read<Patient>("Patient", patientId)
      .then((patient) => formatHumanName(patient.name) ?? "")
      .catch(() => undefined);
    reads.set(patientId, name);
  }
  return name;
}
