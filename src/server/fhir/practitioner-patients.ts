import "server-only";
import type { Consent, HumanName } from "@medplum/fhirtypes";
import { formatHumanName } from "@/lib/fhir/human-name";
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

type Row = { patient_id: string; consent: Consent; name: HumanName[] | null; birth_date: string | null; blocked: boolean };

export async function practitionerPatients(db: Queryable, actor: PractitionerActor, now: Date): Promise<PractitionerPatient[]> {
  const reference = `Practitioner/${actor.practitionerId}`;
  const rows = await db.query<Row>(
    `SELECT c.patient_id::text AS patient_id, c.content AS consent, p.content->'name' AS name, p.content->>'birthDate' AS birth_date,
            EXISTS (SELECT 1 FROM fhir_resource b
                     WHERE b.actor_ref = $1 AND b.resource_type = 'Consent' AND b.category = 'block' AND b.status = 'active'
                       AND NOT b.deleted AND b.patient_id = c.patient_id) AS blocked
       FROM fhir_resource c
       JOIN fhir_resource p ON p.id = c.patient_id AND p.resource_type = 'Patient' AND NOT p.deleted
      WHERE c.actor_ref = $1 AND c.resource_type = 'Consent' AND c.category = 'authorise' AND NOT c.deleted`,
    [reference],
  );
  const byPatient = new Map<string, Row[]>();
  for (const row of rows) byPatient.set(row.patient_id, [...(byPatient.get(row.patient_id) ?? []), row]);
  const patients: PractitionerPatient[] = [];
  for (const [patientId, consents] of byPatient) {
    const first = consents[0]!;
    const rules: PatientRules = rulesFromResources(patientId, consents.map((row) => row.consent), []);
    if (first.blocked) rules.blocked = new Set([actor.practitionerId]);
    patients.push({
      patientId,
      name: formatHumanName(first.name ?? undefined) ?? "Patient",
      birthDate: first.birth_date ?? undefined,
      access: authorisationOf(actor, rules, now),
    });
  }
  return patients.sort((a, b) => a.name.localeCompare(b.name, "fr") || a.patientId.localeCompare(b.patientId));
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
