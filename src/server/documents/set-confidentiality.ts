import "@/server/server-only";
import type { Coding, DocumentReference } from "@medplum/fhirtypes";
import { SYSTEMS, type Confidentiality } from "@/lib/fhir/systems";
import type { Repository } from "../fhir/repository";

export const CONFIDENTIALITY_LEVELS = ["N", "R", "V"] as const satisfies readonly Confidentiality[];

export function isConfidentiality(value: string): value is Confidentiality {
  return (CONFIDENTIALITY_LEVELS as readonly string[]).includes(value);
}

/**
 * Sets a document's confidentiality: normal (N), restricted to the professionals allowed R
 * documents (R), or secret, the patient alone (V). Other labels (e.g. a minor's secret) stay.
 * The repository checks the actor may make privacy choices for this patient; `ifMatch` keeps a
 * choice made on a stale page from overwriting a newer one.
 */
export async function setConfidentiality(
  repo: Repository,
  documentId: string,
  level: Confidentiality,
  ifMatch?: string,
): Promise<DocumentReference> {
  const document = await repo.read<DocumentReference>("DocumentReference", documentId);
  const kept = (document.meta?.security ?? []).filter((label) => label.system !== SYSTEMS.confidentiality);
  const labels: Coding[] = level === "N" ? kept : [...kept, { system: SYSTEMS.confidentiality, code: level }];
  return repo.setSecurityLabels<DocumentReference>("DocumentReference", documentId, labels, { ifMatch: ifMatch ?? document.meta?.versionId });
}
