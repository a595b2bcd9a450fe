import "@/server/server-only";
import { findAccountById } from "../db/account-store";
import { systemRepository, type Repository } from "../fhir/repository";
import { FhirError } from "../fhir/errors";
import { camilleDocuments } from "./catalogue/camille-documents";
import { jeanDocuments } from "./catalogue/jean-documents";
import { leoDocuments, nadiaDocuments } from "./catalogue/nadia-leo-documents";
import type { SeedClock } from "./catalogue/plan";
import { vaccinationDocuments } from "./catalogue/record-plans";
import { seedAccounts } from "./seed-accounts";
import { seedDirectory } from "./seed-directory";
import { seedDocuments, type PatientDocument } from "./seed-documents";
import { seedPrescriptions } from "./seed-prescriptions";
import { seedRecord } from "./seed-record";
import { seedRules } from "./seed-rules";
import { ACCOUNT_IDS, PATIENT_IDS } from "@/lib/demo/personas";

export type SeedSummary = { resources: number; documents: number; accounts: number; ms: number };

export type PersonasState = "absent" | "present" | "partial";

/**
 * Whether the personas are already there. Accounts are written last, so an account means a
 * complete seed; a patient without accounts means an earlier run stopped half-way.
 */
export async function personasState(repo?: Repository): Promise<PersonasState> {
  if (await findAccountById(ACCOUNT_IDS.camille)) return "present";
  const system = repo ?? (await systemRepository("seed"));
  try {
    await system.read("Patient", PATIENT_IDS.camille);
    return "partial";
  } catch (error) {
    if (error instanceof FhirError && error.status === 404) return "absent";
    throw error;
  }
}

/** Every document of every persona, as plans: the catalogue's letters and reports, the vaccination certificates. */
export function personaDocuments(clock: SeedClock): PatientDocument[] {
  return [
    ...camilleDocuments(clock).map((plan) => ({ patient: "camille" as const, plan })),
    ...jeanDocuments(clock).map((plan) => ({ patient: "jean" as const, plan })),
    ...nadiaDocuments(clock).map((plan) => ({ patient: "nadia" as const, plan })),
    ...leoDocuments().map((plan) => ({ patient: "leo" as const, plan })),
    ...vaccinationDocuments(),
  ];
}

/**
 * Loads the demo personas (issue 2) through the repository's system door: directory, patients,
 * prescriptions, documents with real PDFs, the clinical summary, the patients' rules, and last
 * the accounts. Dates that must stay "recent" or "still valid" are computed from `now`.
 */
export async function seedPersonas(options: { now?: Date; accounts?: boolean; repo?: Repository } = {}): Promise<SeedSummary> {
  const started = performance.now();
  const clock: SeedClock = { now: options.now ?? new Date() };
  const repo = options.repo ?? (await systemRepository("seed"));
  let resources = await seedDirectory(repo);
  const prescriptions = await seedPrescriptions(repo, clock);
  resources += prescriptions.count;
  const documents = [...personaDocuments(clock), ...prescriptions.documents];
  await seedDocuments(repo, documents);
  resources += documents.length * 2;
  resources += await seedRecord(repo, clock);
  resources += await seedRules(repo, clock);
  const accounts = options.accounts === false ? 0 : await seedAccounts();
  return { resources, documents: documents.length, accounts, ms: Math.round(performance.now() - started) };
}
