import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { daySpanOf, spanInstants } from "@/lib/dates/fhir-date";
import { SYSTEMS } from "@/lib/fhir/systems";
import type { Queryable } from "../db/queryable";

/**
 * How a practitioner identifies a patient for emergency access: the name and birth date, or the
 * national identifier (INS). Matching is exact (accents and case aside), so it cannot be used
 * to browse the directory of patients.
 */
export type EmergencyCriteria =
  | { kind: "identity"; family: string; given?: string; birthDate: string }
  | { kind: "ins"; ins: string };

/**
 * Accents, case, spaces and punctuation aside; letters of every script kept. It kept a to z
 * only: every Cyrillic, Arabic or Chinese name came out empty, so « . » with a birth date
 * opened the record of whoever born that day had such a name, and a typed « Петрова » opened
 * Иванова's (found in an attack round).
 */
export function normaliseName(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, " ")
    .trim();
}

function matchesIdentity(patient: Patient, family: string, given: string | undefined): boolean {
  const wantedFamily = normaliseName(family);
  const wantedGiven = given ? normaliseName(given) : undefined;
  // A name typed with no letter names no one.
  if (!wantedFamily || wantedGiven === "") return false;
  return (patient.name ?? []).some((name) => {
    if (normaliseName(name.family ?? "") !== wantedFamily) return false;
    if (!wantedGiven) return true;
    return (name.given ?? []).some((g) => normaliseName(g) === wantedGiven);
  });
}

const BATCH = 500;

/**
 * Ids of the active patients matching exactly; at most a few rows ever leave the database.
 * `unsafe`: it searches every patient without a decision, which only break-glass may do
 * (the repository's emergency search calls it after checking the emergency role).
 */
export async function unsafeMatchPatientIds(db: Queryable, criteria: EmergencyCriteria): Promise<string[]> {
  if (criteria.kind === "ins") {
    // The INS is one person's: more than one row is a duplicate to refuse, 5 are enough to see it.
    const rows = await db.query<{ id: string }>(
      `SELECT id FROM fhir_resource
        WHERE resource_type = 'Patient' AND NOT deleted AND status = 'active'
          AND content->'identifier' @> $1::jsonb
        LIMIT 5`,
      [JSON.stringify([{ system: SYSTEMS.ins, value: criteria.ins }])],
    );
    return rows.map((row) => row.id);
  }
  const span = daySpanOf(criteria.birthDate);
  if (!span) return [];
  // A birth date is a Paris day: the window holds it whether stored at Paris or UTC midnight.
  const { start, end } = spanInstants(span);
  // Everyone born that day is read, a batch at a time in id order, and matched on the name here
  // (accents and case aside, which SQL cannot do without an extension). A country has thousands
  // of people per birth date: a fixed LIMIT would miss the patient without saying so.
  const matched: string[] = [];
  for (let after = "00000000-0000-0000-0000-000000000000"; ; ) {
    const rows = await db.query<{ id: string; content: Patient }>(
      `SELECT id, content FROM fhir_resource
        WHERE resource_type = 'Patient' AND NOT deleted AND status = 'active'
          AND date >= $1::timestamptz AND date < $2::timestamptz AND id > $3::uuid
        ORDER BY id LIMIT ${BATCH}`,
      [start.toISOString(), end.toISOString(), after],
    );
    matched.push(...rows.filter((row) => matchesIdentity(row.content, criteria.family, criteria.given)).map((row) => row.id));
    const last = rows.at(-1);
    // Two people match: emergency access is refused as ambiguous, no need to read on.
    if (rows.length < BATCH || !last || matched.length > 1) return matched;
    after = last.id;
  }
}
