import "@/server/server-only";
import type { RelatedPerson } from "@medplum/fhirtypes";
import { delegationIsLive } from "../access/applicable-delegation";
import { rulesFromResources } from "../access/rules";
import type { Queryable } from "../db/queryable";

/** A guardian's account to e-mail, with her own choices of what she receives by e-mail. */
export type GuardianRecipient = { accountId: string; email: string; accountKind: "patient" | "practitioner"; wants: Record<string, boolean> };

/**
 * The line a guardian's e-mail adds: the notice is in the space of someone she is the legal
 * guardian of, where she reads it (her own list does not hold it). Fixed words, no name.
 */
export const GUARDIAN_EMAIL_LINES: readonly string[] = [
  "Elle se trouve dans l'espace d'une personne dont vous êtes le représentant légal : ouvrez cet espace depuis le vôtre pour la lire.",
];

/**
 * Who is e-mailed a notice of a space that has no account of its own (a child's): its live
 * guardians with an account, as the patient's rules say it (a guardianship ends by itself at the
 * child's majority, rules.ts), read in one statement for every space of a batch. Before, such a
 * notice was stored in the child's space and e-mailed to no one, even an emergency access to
 * the child's record: the guardians learnt of it only if they opened that space (found by an
 * exploratory test). A caregiver under delegation is not e-mailed: the person she helps is told.
 */
export async function guardiansToTell(db: Queryable, patientIds: readonly string[], now: Date): Promise<Map<string, GuardianRecipient[]>> {
  const wanted = [...new Set(patientIds)];
  const found = new Map<string, GuardianRecipient[]>();
  if (wanted.length === 0) return found;
  const rows = await db.query<{
    patient_id: string;
    related_person: RelatedPerson | string;
    birth_date: string | null;
    account_id: string;
    email: string;
    account_kind: "patient" | "practitioner";
    wants: Record<string, boolean> | string | null;
  }>(
    `SELECT rp.patient_id::text AS patient_id, rp.content AS related_person, child.content->>'birthDate' AS birth_date,
            a.id::text AS account_id, a.email, a.kind AS account_kind,
            (SELECT jsonb_object_agg(p.kind, p.email) FROM notification_preference p WHERE p.account_id = a.id) AS wants
       FROM fhir_resource rp
       JOIN fhir_resource child ON child.id = rp.patient_id AND child.resource_type = 'Patient' AND NOT child.deleted
       JOIN account a ON a.fhir_ref = rp.actor_ref AND NOT a.disabled AND a.kind = 'patient'
      WHERE rp.resource_type = 'RelatedPerson' AND NOT rp.deleted AND rp.patient_id = ANY($1::uuid[])`,
    [wanted],
  );
  for (const row of rows) {
    const person = typeof row.related_person === "string" ? (JSON.parse(row.related_person) as RelatedPerson) : row.related_person;
    const [delegation] = rulesFromResources(row.patient_id, [], [person], { birthDate: row.birth_date ?? undefined }).delegations;
    if (!delegation || delegation.kind !== "guardian" || !delegationIsLive(delegation, now)) continue;
    const wants = typeof row.wants === "string" ? (JSON.parse(row.wants) as Record<string, boolean>) : (row.wants ?? {});
    const list = found.get(row.patient_id) ?? [];
    if (!list.some((r) => r.accountId === row.account_id)) list.push({ accountId: row.account_id, email: row.email, accountKind: row.account_kind, wants });
    found.set(row.patient_id, list);
  }
  return found;
}
