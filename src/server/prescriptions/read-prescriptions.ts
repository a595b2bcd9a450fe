import "@/server/server-only";
import type { MedicationDispense, MedicationRequest, Resource } from "@medplum/fhirtypes";
import { directoryNames } from "../documents/directory-names";
import type { Repository } from "../fhir/repository";
import { searchRest } from "../fhir/search-rest";
import { MAX_COUNT, MAX_OFFSET, type SearchRequest, type SearchResult } from "../fhir/search-request";
import { assemblePrescription, assemblePrescriptions, type Dispensation, type Prescription } from "./prescription-model";

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

/** Every member of T named, the optional ones too: a member added to T must be added where this is built. */
type EveryMember<T> = { [K in keyof Required<T>]: T[K] };

async function withNames(repo: Repository, prescriptions: Prescription[]): Promise<NamedPrescription[]> {
  const names = await directoryNames(repo, [
    ...prescriptions.map((p) => p.prescriberRef),
    ...prescriptions.flatMap((p) => p.dispensations.map((d) => d.pharmacyRef)),
  ]);
  return prescriptions.map((p) => named(p, names));
}

/**
 * A prescription with its names, built member by member rather than as `{ ...p, prescriber }`: V8
 * (Node 20) builds a copy that gains a member through its slow path, about 0.5 µs a copy in a
 * tight loop and several times that in the server, where a literal takes a few dozen nanoseconds.
 * The prescriptions page spent 145 µs a view on that line in a profile of the server
 * (profile-by-page.mjs, issue 16); under load it serves about 5 % more pages a second this way
 * (ab.mjs, both ways round). Members left undefined are dropped from the page's props
 * (json-props.ts), as absent ones were.
 */
function named(p: Prescription, names: Map<string, string>): NamedPrescription {
  const prescription: EveryMember<NamedPrescription> = {
    id: p.id,
    patientId: p.patientId,
    prescriberRef: p.prescriberRef,
    authoredOn: p.authoredOn,
    validUntil: p.validUntil,
    validityOver: p.validityOver,
    lines: p.lines,
    dispensations: p.dispensations.map((d): EveryMember<Dispensation> => ({
      id: d.id,
      requestId: d.requestId,
      medication: d.medication,
      quantity: d.quantity,
      unit: d.unit,
      when: d.when,
      pharmacy: d.pharmacy ?? (d.pharmacyRef ? names.get(d.pharmacyRef) : undefined),
      pharmacyRef: d.pharmacyRef,
      partial: d.partial,
    })),
    state: p.state,
    note: p.note,
    prescriber: p.prescriberRef ? names.get(p.prescriberRef) : undefined,
  };
  return prescription;
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
