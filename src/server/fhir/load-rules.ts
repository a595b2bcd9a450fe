import "@/server/server-only";
import type { Consent, Patient, RelatedPerson } from "@medplum/fhirtypes";
import { rulesFromResources, type PatientRules } from "../access/rules";
import { database } from "../db/client";
import type { Queryable } from "../db/queryable";
import { ROW_COLUMNS, rowJsonSql, type ResourceRow } from "./resource-row";

/**
 * The patient's own row, read in the rules' statement: the Patient of a professional's view of a
 * record or of a caregiver's space was read again beside or after its rules, one statement more on
 * every such page (issue 16). Kept beside the rules object it came with, for as long as that object
 * lives (a request's), and only found, live rows: a missing or deleted Patient is read as before.
 */
const patientRows = new WeakMap<PatientRules, ResourceRow>();

/** The Patient row read with these rules (guarded-repository.ts, patient-search.ts), if it was. */
export function patientRowReadWith(rules: PatientRules): ResourceRow | undefined {
  return patientRows.get(rules);
}

/**
 * Reads one patient's rules (their Consents and RelatedPersons) with no access check: the
 * decision needs them before it can decide anything. Read fresh for every request, so a
 * change applies at once. `unsafe` because it skips decide(): only the access machinery (the
 * repository, resolving who a session acts as) may call it, never a page or a use case.
 */
export async function unsafeLoadRules(db: Queryable, patientId: string): Promise<PatientRules> {
  // The Patient row comes too: its birth date ends a guardianship at majority (children/majority.ts).
  const rows = await db.query<ResourceRow>(`SELECT ${ROW_COLUMNS} FROM fhir_resource WHERE ${ruleRowsWhere("$1::uuid")}`, [patientId]);
  return rulesOfRows(patientId, rows);
}

/**
 * Which rows of fhir_resource (as `alias`) are a patient's rules: its Consents, its RelatedPersons,
 * and the Patient itself. `patientSql`: the SQL expression of the patient's id (a parameter, a column).
 */
export function ruleRowsWhere(patientSql: string, alias = "fhir_resource"): string {
  return `${alias}.patient_id = ${patientSql} AND ${alias}.resource_type IN ('Consent', 'RelatedPerson', 'Patient') AND NOT ${alias}.deleted`;
}

/** The same rows as one JSON array (the session's statement reads them: session-store.ts). */
export function ruleRowsJson(patientSql: string, alias: string): string {
  return `(SELECT coalesce(json_agg(${rowJsonSql(alias)}), '[]'::json) FROM fhir_resource ${alias} WHERE ${ruleRowsWhere(patientSql, alias)})`;
}

/** The rules of a patient from their rule rows (ruleRowsWhere), however they were read. */
export function rulesOfRows(patientId: string, rows: ResourceRow[]): PatientRules {
  const consents: Consent[] = [];
  const relatedPersons: RelatedPerson[] = [];
  let patientRow: ResourceRow | undefined;
  for (const row of rows) {
    if (row.content.resourceType === "Consent") consents.push(row.content);
    else if (row.content.resourceType === "RelatedPerson") relatedPersons.push(row.content);
    else if (row.content.resourceType === "Patient" && row.id === patientId) patientRow = row;
  }
  const patient = patientRow?.content as Patient | undefined;
  // Its birth date ends a guardianship at majority; `active: false` is a closed space (rules.ts).
  const rules = rulesFromResources(patientId, consents, relatedPersons, { birthDate: patient?.birthDate, active: patient?.active });
  if (patientRow) patientRows.set(rules, patientRow);
  return rules;
}

/** As unsafeLoadRules, on the app's database: for resolving a session's actor before any repository exists. */
export async function unsafeRulesOf(patientId: string): Promise<PatientRules> {
  return unsafeLoadRules((await database()).sql, patientId);
}
