import "@/server/server-only";
import type { Consent, HumanName } from "@medplum/fhirtypes";
import { familyFirstKey, formatHumanName } from "@/lib/fhir/human-name";
import { SYSTEMS } from "@/lib/fhir/systems";
import type { PractitionerActor } from "../access/actor";
import { practitionerAccess } from "../access/practitioner-decision";
import { rulesFromResources, type PatientRules } from "../access/rules";
import type { Queryable } from "../db/queryable";

/**
 * A professional's patients, as their home page lists them: the patients whose rules let them in
 * now on an authorisation, with its level and end, and how many others authorised them once and
 * no longer do (withdrawn, expired, blocked).
 *
 * Those others are counted, not named: their name and birth date were read from the record as it
 * is now, after the access ended, so a patient who shut the professional out and then changed her
 * name had the new one shown to him (found by the rules review). What he knew while the access
 * lasted is nowhere kept but in the record's history, which he may no longer read; so nothing of
 * their records is read here at all, only the authorisations that name him.
 *
 * Why the list is not audited per patient: it shows only the name and birth date of people who
 * chose this professional (the identity that came with the authorisation), never their record;
 * opening a record is a read through the repository and is audited. Before, each visit of the
 * home page read every patient and wrote a row into every patient's history, burying the
 * entries that matter (issue 12), and a professional with 2,000 patients paid 2,000 reads.
 */
export type PractitionerPatient = {
  patientId: string;
  name: string;
  birthDate?: string;
  /** Let in now by an authorisation, with its end and level. */
  access: { until?: Date; restricted: boolean };
};

/** `ended`: how many patients authorised the professional once and no longer let him in. */
export type PractitionerPatients = { patients: PractitionerPatient[]; ended: number };

// One collator for every sort: localeCompare(…, "fr") sets one up on each call.
const byFrenchName = new Intl.Collator("fr");

type Row = {
  patient_id: string;
  consent_id: string;
  status: string | null;
  date_time: string | null;
  provision_type: string | null;
  period_end: string | null;
  restricted: boolean;
  blocked: boolean;
};

/**
 * The "authorise" Consent of a row, with what the rules read of it (rules.ts: id, status,
 * dateTime, category, provision type, actor, period end and the R label); the query selects
 * only authorisations naming this professional (actor_ref is the provision's first actor).
 */
function authorisationConsent(row: Row, practitionerRef: string): Consent {
  return {
    resourceType: "Consent",
    id: row.consent_id,
    status: (row.status ?? undefined) as Consent["status"],
    dateTime: row.date_time ?? undefined,
    scope: { coding: [] },
    category: [{ coding: [{ system: SYSTEMS.consentRule, code: "authorise" }] }],
    provision: {
      type: (row.provision_type ?? undefined) as "permit" | "deny" | undefined,
      actor: [{ role: { coding: [] }, reference: { reference: practitionerRef } }],
      period: row.period_end ? { end: row.period_end } : undefined,
      securityLabel: row.restricted ? [{ system: SYSTEMS.confidentiality, code: "R" }] : undefined,
    },
  };
}

/**
 * The list as last worked out for a professional, kept while nothing it depends on has changed.
 * Why: with 2,000 patients, reading every authorisation and deciding on each took most of the
 * home page's 32 ms of CPU on every view (issue 16's profile: row parsing, the rules, the sort).
 * Every view still asks the database (`stampOf`): any write to one of the professional's
 * authorisations or blocks, or to one of those patients, raises the professional's version in
 * the same transaction, and the list is worked out again before it is shown; so is it at the
 * first instant a time-limited authorisation ends. A block shows on the very next view.
 */
type Kept = { stamp: string; at: number; validUntil: number; list: PractitionerPatients };
const kept = new Map<string, Kept>();
/** Professionals whose list is kept at once (the least recently worked out go first). */
const MAX_KEPT = 256;

export async function practitionerPatients(db: Queryable, actor: PractitionerActor, now: Date): Promise<PractitionerPatients> {
  const reference = `Practitioner/${actor.practitionerId}`;
  // The stamp is read before the list: a write landing between the two leaves a newer list
  // under an older stamp, worked out again on the next view; never the other way round.
  const stamp = await stampOf(db, reference);
  const previous = kept.get(actor.practitionerId);
  // `at`: a clock set back (tests) never reuses a list worked out "later".
  if (previous && previous.stamp === stamp && now.getTime() >= previous.at && now.getTime() < previous.validUntil) return previous.list;
  const { list, validUntil } = await workOut(db, actor, reference, now);
  kept.delete(actor.practitionerId);
  if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(actor.practitionerId, { stamp, at: now.getTime(), validUntil, list });
  return list;
}

/**
 * What the list depends on, as one number: the professional's version, raised by the database in
 * the same transaction as any write of their authorisations and blocks (any status, deleted or
 * not) or of the patients these name (prisma/migrations/20261216010000_practitioner_list_version).
 * It counted and summed those rows' versions on every view instead: 1.1-1.8 ms of the database's
 * time for a professional with 2,000 patients, growing with the list (issue 16).
 */
async function stampOf(db: Queryable, reference: string): Promise<string> {
  const [row] = await db.query<{ stamp: string }>(LIST_STAMP_SQL, [reference]);
  // No row: nothing the list depends on was ever written.
  return row?.stamp ?? "0";
}

/** The stamp's statement ($1: the professional's reference): one row by its key. */
export const LIST_STAMP_SQL = `SELECT version::text AS stamp FROM practitioner_list_version WHERE actor_ref = $1`;

async function workOut(db: Queryable, actor: PractitionerActor, reference: string, now: Date): Promise<{ list: PractitionerPatients; validUntil: number }> {
  const rows = await db.query<Row>(
    // The authorisations come as columns, not as stored JSON: a professional with 2,000 patients
    // made this page parse 1.8 MB of JSON on every view, most of its CPU (issue 16's profile).
    // `authorisationConsent` rebuilds each Consent with every field rulesFromResources reads.
    `SELECT c.patient_id::text AS patient_id, c.id::text AS consent_id, c.content->>'status' AS status,
            c.content->>'dateTime' AS date_time, c.content->'provision'->>'type' AS provision_type,
            c.content->'provision'->'period'->>'end' AS period_end,
            coalesce(c.content->'provision'->'securityLabel' @> '[{"code": "R"}]', false) AS restricted,
            EXISTS (SELECT 1 FROM fhir_resource b
                     WHERE b.actor_ref = $1 AND b.resource_type = 'Consent' AND b.category = 'block' AND b.status = 'active'
                       AND NOT b.deleted AND b.patient_id = c.patient_id) AS blocked
       FROM fhir_resource c
       JOIN fhir_resource p ON p.id = c.patient_id AND p.resource_type = 'Patient' AND NOT p.deleted
                            -- A closed space (inactive Patient: access/rules.ts, closed) lets no one in; its name is not listed either.
                            AND p.status IS DISTINCT FROM 'inactive'
      WHERE c.actor_ref = $1 AND c.resource_type = 'Consent' AND c.category = 'authorise' AND NOT c.deleted`,
    [reference],
  );
  const byPatient = new Map<string, Row[]>();
  for (const row of rows) {
    const list = byPatient.get(row.patient_id);
    if (list) list.push(row);
    else byPatient.set(row.patient_id, [row]);
  }
  const access = new Map<string, PractitionerPatient["access"]>();
  let ended = 0;
  // The first instant an authorisation in force ends: the list must be worked out again then.
  let validUntil = Number.POSITIVE_INFINITY;
  for (const [patientId, consents] of byPatient) {
    const rules: PatientRules = rulesFromResources(patientId, consents.map((row) => authorisationConsent(row, reference)), []);
    if (consents[0]!.blocked) rules.blocked = new Set([actor.practitionerId]);
    for (const grant of rules.authorisations) {
      const end = grant.until?.getTime();
      if (end !== undefined && end > now.getTime()) validUntil = Math.min(validUntil, end);
    }
    const letIn = authorisationOf(actor, rules, now);
    if (letIn) access.set(patientId, letIn);
    else ended += 1;
  }
  const patients = await namedPatients(db, access);
  // Shared by the views that reuse it: frozen, so that no caller can change it for the next.
  return { list: Object.freeze({ patients: Object.freeze(patients) as PractitionerPatient[], ended }), validUntil };
}

/**
 * The name and birth date of the patients who let the professional in now, read only for them,
 * sorted by family name, then given names: a doctor looks « Martin » up under M (the walk found
 * « Camille Martin » sorted under C, far from « Jean Martin »).
 */
async function namedPatients(db: Queryable, access: Map<string, PractitionerPatient["access"]>): Promise<PractitionerPatient[]> {
  if (access.size === 0) return [];
  const rows = await db.query<{ id: string; name: HumanName[] | null; birth_date: string | null }>(
    `SELECT id::text AS id, content->'name' AS name, content->>'birthDate' AS birth_date
       FROM fhir_resource WHERE id = ANY($1::uuid[]) AND resource_type = 'Patient' AND NOT deleted`,
    [[...access.keys()]],
  );
  const sortKeys = new Map(rows.map((row) => [row.id, familyFirstKey(row.name ?? undefined)]));
  return rows
    .map((row) => ({ patientId: row.id, name: formatHumanName(row.name ?? undefined) ?? "Patient", birthDate: row.birth_date ?? undefined, access: access.get(row.id)! }))
    .sort((a, b) => byFrenchName.compare(sortKeys.get(a.patientId) ?? "", sortKeys.get(b.patientId) ?? "") || a.patientId.localeCompare(b.patientId));
}

/**
 * Whether this patient's rules let the practitioner in now on an authorisation (not an
 * emergency), and until when: no end for a standing authorisation, else the latest grant's end.
 */
export function authorisationOf(actor: PractitionerActor, rules: PatientRules, now: Date): PractitionerPatient["access"] | undefined {
  const access = practitionerAccess({ ...actor, emergency: undefined }, rules, now);
  if (access.ground !== "authorised") return undefined;
  const grants = rules.authorisations.filter((a) => a.practitionerId === actor.practitionerId && (!a.until || now < a.until));
  const standing = grants.some((g) => !g.until);
  const until = standing ? undefined : new Date(Math.max(...grants.map((g) => g.until?.getTime() ?? 0)));
  return { until, restricted: access.restricted };
}
