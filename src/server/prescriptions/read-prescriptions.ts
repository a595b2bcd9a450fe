import "server-only";
import type { MedicationDispense, MedicationRequest, Resource } from "@medplum/fhirtypes";
import { directoryNames } from "../documents/directory-names";
import type { Repository } from "../fhir/repository";
import { MAX_COUNT, type SearchRequest } from "../fhir/search-request";
import { assemblePrescription, assemblePrescriptions, type Prescription } from "./prescription-model";

/**
 * Reading prescriptions through the repository: every search is decided and audited for the
 * actor (the patient, a caregiver with prescriptions:read, a link holder for its one
 * prescription), so nothing here sees more than the actor may.
 */
const MAX_PAGES = 20;

async function searchAll<T extends Resource>(repo: Repository, type: T["resourceType"], request: SearchRequest): Promise<T[]> {
  const found: T[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await repo.search<T>(type, { ...request, count: MAX_COUNT, offset: page * MAX_COUNT, sort: "-date" });
    found.push(...result.resources);
    if (!result.hasMore) break;
  }
  return found;
}

/** A prescription with the names the pages show. */
export type NamedPrescription = Prescription & { prescriber?: string };

async function withNames(repo: Repository, prescriptions: Prescription[]): Promise<NamedPrescription[]> {
  const names = await directoryNames(repo, [
    ...prescriptions.map((p) => p.prescriberRef),
    ...prescriptions.flatMap((p) => p.dispensations.map((d) => d.pharmacyRef)),
  ]);
  return prescriptions.map((p) => ({
    ...p,
    prescriber: p.prescriberRef ? names.get(p.prescriberRef) : undefined,
    dispensations: p.dispensations.map((d) => ({ ...d, pharmacy: d.pharmacy ?? (d.pharmacyRef ? names.get(d.pharmacyRef) : undefined) })),
  }));
}

export async function readAllPrescriptions(repo: Repository, patientId: string, now: Date): Promise<NamedPrescription[]> {
  const [requests, dispenses] = await Promise.all([
    searchAll<MedicationRequest>(repo, "MedicationRequest", { patientId }),
    searchAll<MedicationDispense>(repo, "MedicationDispense", { patientId }),
  ]);
  return withNames(repo, assemblePrescriptions(requests, dispenses, now));
}

/** One prescription with its raw resources; undefined when the actor sees none of it. */
export async function readPrescription(
  repo: Repository,
  patientId: string,
  prescriptionId: string,
  now: Date,
): Promise<{ prescription: NamedPrescription; requests: MedicationRequest[]; dispenses: MedicationDispense[] } | undefined> {
  const requests = await searchAll<MedicationRequest>(repo, "MedicationRequest", { patientId, group: [prescriptionId] });
  if (requests.length === 0) return undefined;
  const dispenses = await searchAll<MedicationDispense>(repo, "MedicationDispense", { patientId, group: [prescriptionId] });
  const assembled = assemblePrescription(prescriptionId, requests, dispenses, now);
  if (!assembled) return undefined;
  const [prescription] = await withNames(repo, [assembled]);
  return prescription ? { prescription, requests, dispenses } : undefined;
}
