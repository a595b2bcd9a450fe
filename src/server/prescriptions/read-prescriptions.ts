import "@/server/server-only";
import type { MedicationDispense, MedicationRequest, Resource } from "@medplum/fhirtypes";
import { directoryNames } from "../documents/directory-names";
import type { Repository } from "../fhir/repository";
import { searchRest } from "../fhir/search-rest";
import { MAX_COUNT, MAX_OFFSET, type SearchRequest, type SearchResult } from "../fhir/search-request";
import { assemblePrescription, assemblePrescriptions, type Prescription } from "./prescription-model";

/**
 * Reading prescriptions through the repository: every search is decided and audited for the
 * actor (the patient, a caregiver with prescriptions:read, a link holder for its one
 * prescription), so nothing here sees more than the actor may.
 */
/**
 * Every resource of the type after its first page. The store pages by offset up to MAX_OFFSET
 * (10,100 rows, some 800 years of monthly renewals): past it the read fails loudly rather than
 * show a prescription with lines missing, or a quantity handed over that misses a dispensation.
 */
async function searchAll<T extends Resource>(repo: Repository, type: T["resourceType"], request: SearchRequest, first: SearchResult<Resource> | undefined): Promise<T[]> {
  const { resources, complete } = await searchRest<T>(repo, type, request, first);
  if (!complete) throw new Error(`Trop de ${type} pour une lecture complète (plus de ${MAX_OFFSET + MAX_COUNT}).`);
  return resources;
}

/**
 * The lines and the dispensations of a search (one prescription's, or all of a space's): the
 * first page of both in one statement (searchTypes: each type decided as its own search, the
 * search of both one row in the trail), where they were two, on every view of the
 * prescriptions', the prescription's and the pharmacist's pages (issue 16: each statement costs
 * the server a send and a wake-up). A type with more than a page goes on alone.
 */
async function searchLinesAndDispenses(repo: Repository, request: SearchRequest): Promise<{ requests: MedicationRequest[]; dispenses: MedicationDispense[] }> {
  const first = await repo.searchTypes(["MedicationRequest", "MedicationDispense"], { ...request, count: MAX_COUNT, offset: 0, sort: "-date" });
  const [requests, dispenses] = await Promise.all([
    searchAll<MedicationRequest>(repo, "MedicationRequest", request, first.get("MedicationRequest")),
    searchAll<MedicationDispense>(repo, "MedicationDispense", request, first.get("MedicationDispense")),
  ]);
  return { requests, dispenses };
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

/**
 * The quantities handed over are summed from the dispensations read (prescription-model.ts,
 * dispensedByRequest): they are all read, every page of them (searchAll). A sum in SQL beside
 * them was one more statement and one more row in the trail on every view of the prescriptions',
 * the prescription's and the pharmacist's pages, for the same rows under the same rules (issue 16).
 */
export async function readAllPrescriptions(repo: Repository, patientId: string, now: Date): Promise<NamedPrescription[]> {
  const { requests, dispenses } = await searchLinesAndDispenses(repo, { patientId });
  return withNames(repo, assemblePrescriptions(requests, dispenses, now));
}

/** One prescription with its raw resources; undefined when the actor sees none of it. */
export async function readPrescription(
  repo: Repository,
  patientId: string,
  prescriptionId: string,
  now: Date,
): Promise<{ prescription: NamedPrescription; requests: MedicationRequest[]; dispenses: MedicationDispense[] } | undefined> {
  // The lines and the dispensations in one statement, decided and audited as the search of both;
  // a prescription with no line the actor sees is still not found.
  const { requests, dispenses } = await searchLinesAndDispenses(repo, { patientId, group: [prescriptionId] });
  if (requests.length === 0) return undefined;
  const assembled = assemblePrescription(prescriptionId, requests, dispenses, now);
  if (!assembled) return undefined;
  const [prescription] = await withNames(repo, [assembled]);
  return prescription ? { prescription, requests, dispenses } : undefined;
}
