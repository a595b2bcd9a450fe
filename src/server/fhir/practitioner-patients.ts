import "server-only";
import type { Consent, HumanName } from "@medplum/fhirtypes";
import { formatHumanName } from "@/lib/fhir/human-name";
import { SYSTEMS } from "@/lib/fhir/systems";
import type { PractitionerActor } from "../access/actor";
import { practitionerAccess } from "../access/practitioner-decision";
import { rulesFromResources, type PatientRules } from "../access/rules";
import type { Queryable } from "../db/queryable";

/**
 * A professional's patients, as their home page lists them: every patient who authorised them
 * at some point (an "authorise" Consent naming them, current or withdrawn), with whether the
 * patient's rules let them in now, read in one statement for all of them.
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
  /** Let in now by an authorisation, with its end and level; undefined once access ended (withdrawn, expired, blocked). */
  access?: { until?: Date; restricted: boolean };
};

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
  name: HumanName[] | null;
  birth_date: string | null;
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

export async function practitionerPatients(db: Queryable, actor: PractitionerActor, now: Date): Promise<PractitionerPatient[]> {
  const reference = `Practitioner/${actor.practitionerId}`;
  const rows = await db.query<Row>(
    // The authorisations come as columns, not as stored JSON: a professional with 2,000 patients
    // made this page parse 1.8 MB of JSON on every view, most of its CPU (issue 16's profile).
    // `authorisationConsent` rebuilds each Consent with every field rulesFromResources reads.
    `SELECT c.patient_id::text AS patient_id, c.id::text AS consent_id, c.content->>'status' AS status,
            c.content->>'dateTime' AS date_time, c.content->'provision'->>'type' AS provision_type,
            c.content->'provision'->'period'->>'end' AS period_end,
            coalesce(c.content->'provision'->'securityLabel' @> '[{"code": "R"}]', false) AS restricted,
            p.content->'name' AS name, p.content->>'birthDate' AS birth_date,
            EXISTS (SELECT 1 FROM fhir_resource b
                     WHERE b.actor_ref = $1 AND b.resource_type = 'Consent' AND b.category = 'block' AND b.status = 'active'
                       AND NOT b.deleted AND b.patient_id = c.patient_id) AS blocked
       FROM fhir_resource c
       JOIN fhir_resource p ON p.id = c.patient_id AND p.resource_type = 'Patient' AND NOT p.deleted
      WHERE c.actor_ref = $1 AND c.resource_type = 'Consent' AND c.category = 'authorise' AND NOT c.deleted`,
    [reference],
  );
  const byPatient = new Map<string, Row[]>();
  for (const row of rows) {
    const list = byPatient.get(row.patient_id);
    if (list) list.push(row);
    else byPatient.set(row.patient_id, [row]);
  }
  const patients: PractitionerPatient[] = [];
  for (const [patientId, consents] of byPatient) {
    const first = consents[0]!;
    const rules: PatientRules = rulesFromResources(patientId, consents.map((row) => authorisationConsent(row, reference)), []);
    if (first.blocked) rules.blocked = new Set([actor.practitionerId]);
    patients.push({
      patientId,
      name: formatHumanName(first.name ?? undefined) ?? "Patient",
      birthDate: first.birth_date ?? undefined,
      access: authorisationOf(actor, rules, now),
    });
  }
  return patients.sort((a, b) => byFrenchName.compare(a.name, b.name) || a.patientId.localeCompare(b.patientId));
}

/**
 * Whether this patient's rules let the practitioner in now on an authorisation (not an
 * emergency), and until when: no end for a standing authorisation, else the latest grant's end.
 */
export function authorisationOf(actor: PractitionerActor, rules: PatientRules, now: Date): PractitionerPatient["access"] {
  const access = practitionerAccess({ ...actor, emergency: undefined }, rules, now);
  if (access.ground !== "authorised") return undefined;
  const grants = rules.authorisations.filter((a) => a.practitionerId === actor.practitionerId && (!a.until || now < a.until));
  const standing = grants.some((g) => !g.until);
  const until = standing ? undefined : new Date(Math.max(...grants.map((g) => g.until?.getTime() ?? 0)));
  return { until, restricted: access.restricted };
}
