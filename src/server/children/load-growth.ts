import "@/server/server-only";
import type { DocumentReference, Observation, Patient } from "@medplum/fhirtypes";
import { readSpacePatient } from "../delegations/space-patient-name";
import type { ReadRepository } from "../fhir/read-repository";
import { MAX_COUNT, MAX_OFFSET } from "../fhir/search-request";
import { GROWTH_LOINC_CODES } from "./growth-measures";
import { growthSeries, type GrowthSeries } from "./growth-points";

/**
 * What the growth page reads, through the one door (each read and search audited, the same SQL
 * filter as every search, so a minor's secret stays out whoever asks): the Patient, their
 * growth Observations, and their documents whose title or text names a certificate
 * (« certificat de santé », « certificat d'aptitude »…): the carnet's certificates are documents.
 */
export type GrowthRecord = { patient: Patient; series: GrowthSeries; certificates: DocumentReference[] };

export async function loadGrowth(repo: ReadRepository, patientId: string): Promise<GrowthRecord> {
  // The banner's read of the child, shared (space-patient-name.ts): one look in their history.
  const patient = await readSpacePatient(repo, patientId);
  const observations: Observation[] = [];
  for (let offset = 0; offset <= MAX_OFFSET; offset += MAX_COUNT) {
    const page = await repo.search<Observation>("Observation", { patientId, code: GROWTH_LOINC_CODES, count: MAX_COUNT, offset, sort: "date" });
    observations.push(...page.resources);
    if (!page.hasMore) break;
  }
  const found = (await repo.search<DocumentReference>("DocumentReference", { patientId, text: "certificat", count: 50, sort: "-date" })).resources;
  // The text search also reads inside files: keep the documents whose title is a certificate.
  const certificates = found.filter((document) => /certificat/i.test(certificateTitle(document)));
  return { patient, series: growthSeries(patient, observations), certificates };
}

export function certificateTitle(document: DocumentReference): string {
  return document.description ?? document.content?.[0]?.attachment?.title ?? document.type?.text ?? "Document";
}
